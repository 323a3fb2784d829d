package io.mizan.codegen.docfixture;

import io.mizan.Client;

/** Functions whose Javadoc writes characters as HTML entities. */
public class Entities {

    /** Whether a &lt; b &amp;&amp; b &gt; c, in &quot;one&quot; step&#33; for sure. Not this. */
    @Client
    public boolean between(int a, int b, int c) {
        return a < b && b > c;
    }
}
