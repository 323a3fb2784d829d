package io.mizan.inprocess.channels.results;

import io.mizan.Channel;
import io.mizan.ChannelHandler;
import io.mizan.ChannelSession;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Alerts for a team; a client that sends one is answered with an alert that breaks its type. */
@ApplicationScoped
@Channel("alerts")
public class AlertChannel implements ChannelHandler<Team, Alert> {

    @Override
    public boolean authorize(Team params, ChannelSession<Alert> session) {
        return true;
    }

    @Override
    public String group(Team params) {
        return params.team();
    }

    @Override
    public void receive(Team params, Alert message, ChannelSession<Alert> session) {
        session.send(new Alert(null, List.of(), null));
    }
}
