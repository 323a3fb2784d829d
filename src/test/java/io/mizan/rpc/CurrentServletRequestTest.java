package io.mizan.rpc;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

class CurrentServletRequestTest {

    @Test
    void aForwardSeesItsOwnRequestAndTheOneBeforeIsBackAfter() throws Exception {
        HttpServletRequest outer = new FakeExchange().build().request();
        HttpServletRequest forwarded =
                new FakeExchange().query("page", "2").build().request();
        CurrentServletRequest filter = new CurrentServletRequest();
        HttpServletRequest[] seen = new HttpServletRequest[3];
        filter.doFilter(outer, null, (req, res) -> {
            seen[0] = CurrentServletRequest.get();
            filter.doFilter(forwarded, null, (r2, s2) -> seen[1] = CurrentServletRequest.get());
            seen[2] = CurrentServletRequest.get();
        });
        assertSame(outer, seen[0]);
        assertSame(forwarded, seen[1]);
        assertSame(outer, seen[2]);
        assertNull(CurrentServletRequest.get());
    }

    @Test
    void theRequestIsForgottenWhenTheChainThrows() {
        HttpServletRequest request = new FakeExchange().build().request();
        try {
            new CurrentServletRequest().doFilter(request, null, (req, res) -> {
                throw new IllegalStateException("failed");
            });
        } catch (Exception expected) {
            // the chain's failure goes on
        }
        assertNull(CurrentServletRequest.get());
    }
}
