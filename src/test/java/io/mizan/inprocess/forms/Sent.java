package io.mizan.inprocess.forms;

/** What a submit answers. */
public record Sent(String ticket, String by) {}
