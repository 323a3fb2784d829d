package io.mizan.inprocess.channels.presence;

import io.mizan.Channel;
import io.mizan.ChannelHandler;
import io.mizan.ChannelSession;
import jakarta.enterprise.context.ApplicationScoped;

/** The same places without presence: nobody is told who is there. */
@ApplicationScoped
@Channel("quiet")
public class QuietChannel implements ChannelHandler<Place, Wave> {

    @Override
    public boolean authorize(Place params, ChannelSession<Wave> session) {
        return true;
    }

    @Override
    public String group(Place params) {
        return params.place();
    }
}
