package io.mizan.inprocess.access.checkabstract;

import io.mizan.AccessCheck;

/** A check left abstract: no bean can be made of it. */
public abstract class BaseCheck implements AccessCheck {}
