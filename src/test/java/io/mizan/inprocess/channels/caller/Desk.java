package io.mizan.inprocess.channels.caller;

import io.mizan.Auth;
import io.mizan.Channel;
import io.mizan.ChannelHandler;
import io.mizan.ChannelSession;
import io.mizan.Client;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** A channel whose messages are handled by a function for signed-in users, called in-process. */
@ApplicationScoped
@Channel("desk")
public class Desk implements ChannelHandler<Desk.Counter, Desk.Note> {

    public record Counter(String counter) {}

    public record Note(String text) {}

    /** The function the channel calls. */
    @ApplicationScoped
    public static class Ledger {
        @Client(auth = Auth.AUTHENTICATED)
        public String record(String text) {
            return "recorded " + text;
        }
    }

    @Inject
    Ledger ledger;

    @Override
    public boolean authorize(Counter params, ChannelSession<Note> session) {
        return true;
    }

    @Override
    public String group(Counter params) {
        return params.counter();
    }

    @Override
    public void receive(Counter params, Note message, ChannelSession<Note> session) {
        session.send(new Note(ledger.record(message.text())));
    }
}
