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
    String of(Principal caller, byte[] body) {
        Mac mac = macs.get();
        if (caller != null) {
            mac.update(caller.getName().getBytes(StandardCharsets.UTF_8));
        }
        mac.update((byte) 0);
        byte[] hash = mac.doFinal(body); // doFinal also resets it
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
        // read in place: a conditional read is the common one, and the header is the caller's to size
        int at = 0;
        int length = ifNoneMatch.length();
        while (at <= length) {
            int comma = ifNoneMatch.indexOf(',', at);
            int end = comma < 0 ? length : comma;
            int start = at;
            while (start < end && Character.isWhitespace(ifNoneMatch.charAt(start))) {
                start++;
            }
            int stop = end;
            while (stop > start && Character.isWhitespace(ifNoneMatch.charAt(stop - 1))) {
                stop--;
            }
            if (ifNoneMatch.startsWith("W/", start)) {
                start += 2;
            }
            int size = stop - start;
            if ((size == 1 && ifNoneMatch.charAt(start) == '*')
                    || (size == tag.length() + 2
                            && ifNoneMatch.charAt(start) == '"'
                            && ifNoneMatch.charAt(stop - 1) == '"'
                            && ifNoneMatch.regionMatches(start + 1, tag, 0, tag.length()))) {
                return true;
            }
            at = end + 1;
        }
        return false;
    }
}
