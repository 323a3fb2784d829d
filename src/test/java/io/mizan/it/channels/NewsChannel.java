package io.mizan.it.channels;

import io.mizan.Channel;
import io.mizan.ChannelHandler;
import io.mizan.ChannelSession;
import jakarta.enterprise.context.ApplicationScoped;

/** Announcements anyone may read and nobody may send. */
@ApplicationScoped
@Channel("news")
public class NewsChannel implements ChannelHandler<NewsChannel.Topic, NewsChannel.News> {

    public record Topic(String topic) {}

    public record News(String headline, String body) {}

    @Override
    public boolean authorize(Topic params, ChannelSession<News> session) {
        return true;
    }

    @Override
    public String group(Topic params) {
        return params.topic();
    }
}
