package io.mizan.auth;

import io.mizan.Auth;
import io.mizan.Client;
import io.mizan.Scope;
import io.mizan.config.MizanSettings;
import io.mizan.messages.Messages;
import io.mizan.security.ContainerCaller;
import io.mizan.security.KnownRoles;
import jakarta.annotation.Nullable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.security.Principal;
import java.time.Duration;
import java.util.List;

/**
 * Signing in and out as server functions, over the application's own Jakarta Security setup (its
 * identity stores and its form or custom-form mechanism), registered when {@code mizan.auth.functions}
 * is {@code true}:
 *
 * <ul>
 *   <li>{@code auth.login(username, password)}: checks the credential with the application's identity
 *       stores, then signs the caller in through {@link SecurityContext#authenticate} in a new session
 *       (its id changes); a wrong user name or password is a 401 that never says which;</li>
 *   <li>{@code auth.logout()}: ends the session;</li>
 *   <li>{@code auth.session}: a global context, {@code {user, roles}} or {@code null}, hydrated into
 *       the page like any other.</li>
 * </ul>
 *
 * <p>Failed sign-ins are counted per user name and per client address: past half of
 * {@code mizan.auth.max-failures} they are answered more slowly, at the limit refused (429 with
 * {@code Retry-After}). A password never reaches a log, an error or an answer.
 */
@ApplicationScoped
public class SignInFunctions {

    private static final java.util.logging.Logger LOG =
            java.util.logging.Logger.getLogger(SignInFunctions.class.getName());

    /** Who is signed in: the user's name and which of the application's roles it holds. */
    public record Session(String user, List<String> roles) {}

    private final SecurityContext security;
    private final jakarta.enterprise.inject.Instance<IdentityStoreHandler> identityStores;
    private final KnownRoles roles;
    private final SignInThrottle throttle;

    @Inject
    public SignInFunctions(
            SecurityContext security,
            jakarta.enterprise.inject.Instance<IdentityStoreHandler> identityStores,
            KnownRoles roles,
            MizanSettings settings) {
        this.security = security;
        this.identityStores = identityStores;
        this.roles = roles;
        this.throttle = new SignInThrottle(
                settings.signIn().maxFailures(),
                Duration.ofSeconds(settings.signIn().windowSeconds()),
                System::currentTimeMillis);
    }

    /** For the container's proxy only. */
    protected SignInFunctions() {
        this.security = null;
        this.identityStores = null;
        this.roles = null;
        this.throttle = null;
    }

    /** Signs the caller in; the session it had (if any) is replaced by a new one. */
    @Client(name = "auth.login", auth = Auth.PUBLIC)
    public Session login(
            @NotBlank @Size(max = 256) String username,
            @NotNull @Size(max = 1024) String password,
            HttpServletRequest request,
            HttpServletResponse response)
            throws InterruptedException {
        // counted as a failure before the stores check it, so that attempts sent together respect the limit
        try (SignInThrottle.Attempt attempt = throttle.attempt(username, request.getRemoteAddr())) {
            if (attempt.refused()) {
                throw Messages.signInThrottled(attempt.refusal());
            }
            UsernamePasswordCredential credential = new UsernamePasswordCredential(username, new Password(password));
            // the stores answer first: a mechanism told of a failure may answer the request itself (a redirect)
            if (identityStores.get().validate(credential).getStatus() != CredentialValidationResult.Status.VALID) {
                attempt.failed();
                Thread.sleep(attempt.delay().toMillis());
                throw Messages.signInRefused();
            }
            HttpSession old = request.getSession(false);
            if (old != null) {
                // nothing of the session before carries over; ended before the logout below, which on
                // Payara would move it to a new id and send that id's cookie
                old.invalidate();
            }
            if (request.getUserPrincipal() != null) {
                // signed in already: the request would keep its caller, and the new sign-in would be lost
                logOut(request);
            }
            AuthenticationStatus status = security.authenticate(
                    request,
                    response,
                    AuthenticationParameters.withParams().credential(credential).newAuthentication(true));
            if (status != AuthenticationStatus.SUCCESS) {
                // the stores said yes: the mechanism is what refused, and the caller cannot fix that
                LOG.warning(Messages.mechanismRefusedCredential(String.valueOf(status)));
                throw Messages.signInRefused();
            }
            attempt.succeeded();
            HttpSession session = request.getSession(true);
            reissueSessionCookie(request, response, session);
            Principal caller = ContainerCaller.signedIn(security.getCallerPrincipal());
            return session(caller == null ? username : caller.getName());
        }
    }

    /**
     * Sends the new session's cookie again with {@code SameSite=Lax}: not every container applies
     * {@code SessionCookieConfig}'s attributes to its session cookie (Payara 6 does not), and the
     * browser keeps the last cookie of a name. The container's name, path, domain and {@code Secure}
     * are kept; {@code HttpOnly} always, since no script has any business with a session id.
     */
    private static void reissueSessionCookie(
            HttpServletRequest request, HttpServletResponse response, HttpSession session) {
        jakarta.servlet.SessionCookieConfig config = request.getServletContext().getSessionCookieConfig();
        String name = config.getName() == null ? "JSESSIONID" : config.getName();
        String path = config.getPath() != null ? config.getPath() : request.getContextPath();
        StringBuilder cookie = new StringBuilder(name)
                .append('=')
                .append(session.getId())
                .append("; Path=")
                .append(path.isEmpty() ? "/" : path);
        if (config.getDomain() != null) {
            cookie.append("; Domain=").append(config.getDomain());
        }
        if (config.isSecure() || request.isSecure()) {
            cookie.append("; Secure");
        }
        String sameSite = config.getAttribute("SameSite");
        cookie.append("; HttpOnly; SameSite=").append(sameSite == null ? "Lax" : sameSite);
        response.addHeader("Set-Cookie", cookie.toString());
    }

    private static void logOut(HttpServletRequest request) {
        try {
            logOutKeepingPolicyContext(request);
        } catch (ServletException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@code request.logout()}, keeping the thread's Jakarta Authorization policy context: Payara's logout
     * sets it to {@code null} for the rest of the request, and then every role of a caller signed in
     * after it in the same request (a new sign-in, the next entries of a batch) is refused.
     */
    private static void logOutKeepingPolicyContext(HttpServletRequest request) throws ServletException {
        String policyContext = PolicyContexts.current();
        try {
            request.logout();
        } finally {
            PolicyContexts.restore(policyContext);
        }
    }

    /** The policy context, where the server has Jakarta Authorization (a web profile need not). */
    private static final class PolicyContexts {

        static String current() {
            try {
                return jakarta.security.jacc.PolicyContext.getContextID();
            } catch (LinkageError e) {
                return null;
            }
        }

        static void restore(String policyContext) {
            if (policyContext == null) {
                return;
            }
            try {
                if (!policyContext.equals(jakarta.security.jacc.PolicyContext.getContextID())) {
                    jakarta.security.jacc.PolicyContext.setContextID(policyContext);
                }
            } catch (LinkageError e) {
                // no Jakarta Authorization: nothing was reset
            }
        }
    }

    /** Signs the caller out: its session ends. */
    @Client(name = "auth.logout", auth = Auth.PUBLIC)
    public void logout(HttpServletRequest request) throws ServletException {
        // the session first: Payara's logout moves a session it finds to a new id, whose cookie it sends
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        logOutKeepingPolicyContext(request); // a sign-in later in the same batch keeps its roles
    }

    /** Who is signed in, or {@code null}. */
    @Client(name = "auth.session", context = Scope.GLOBAL, auth = Auth.PUBLIC)
    public @Nullable Session session(Principal me) {
        return me == null ? null : session(me.getName());
    }

    private Session session(String user) {
        return new Session(
                user,
                roles.names().stream().filter(security::isCallerInRole).sorted().toList());
    }
}
