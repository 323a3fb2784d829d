package io.mizan.rpc;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Principal;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Entity tags of context reads: an HMAC of the caller's name and the body under a key of the
 * deployment ({@code mizan.etag.key}, or random per start). A plain hash would let anyone who sees a
 * tag test guesses of the body, and would give two callers the same tag for the same data; these
 * tags say nothing about the body and differ between callers. The function still runs for a
 * conditional request: the tag is of its fresh result, and only the body is saved.
 */
final class ETags {

    private final SecretKeySpec key;
    // a Mac is not thread-safe and costly to look up: one per worker thread
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    ETags(String configuredKey) {
        byte[] secret;
        if (configuredKey != null) {
            secret = configuredKey.getBytes(StandardCharsets.UTF_8);
        } else {
            secret = new byte[32];
            new SecureRandom().nextBytes(secret);
        }
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** The tag's value (without quotes) of a body read by this caller. */
    String of(Principal caller, String body) {
        Mac mac = macs.get();
        if (caller != null) {
            mac.update(caller.getName().getBytes(StandardCharsets.UTF_8));
        }
        mac.update((byte) 0);
        byte[] hash = mac.doFinal(body.getBytes(StandardCharsets.UTF_8)); // doFinal also resets it
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 27);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** Whether an {@code If-None-Match} header names this tag (weak or strong) or {@code *}. */
    static boolean matches(String ifNoneMatch, String tag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.trim();
            if (c.startsWith("W/")) {
                c = c.substring(2);
            }
            if (c.equals("*") || c.equals("\"" + tag + "\"")) {
                return true;
            }
        }
        return false;
    }
}
