package io.mizan.config;

/**
 * The built-in sign-in functions, from {@code mizan.auth.*}.
 *
 * @param functions {@code mizan.auth.functions}: whether {@code auth.login}, {@code auth.logout} and the
 *     context {@code auth.session} are registered ({@code false})
 * @param maxFailures {@code mizan.auth.max-failures}: failed sign-ins for one user name, or from one
 *     client address, after which more are refused with 429 until the window has passed (5); each
 *     failure past half of them is answered more slowly
 * @param windowSeconds {@code mizan.auth.failure-window-seconds}: how long a failure counts (300)
 */
public record SignInSettings(boolean functions, int maxFailures, int windowSeconds) {

    /** The defaults: off. */
    public static final SignInSettings DEFAULTS = new SignInSettings(false, 5, 300);
}
