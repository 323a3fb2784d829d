package io.mizan.it.channels;

import io.mizan.Auth;
import io.mizan.Broadcaster;
import io.mizan.Client;
import io.mizan.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Functions whose invalidations are pushed live, and one that announces on a channel. */
@ApplicationScoped
public class Board {

    private final Map<String, List<String>> notes = new ConcurrentHashMap<>();
    private final AtomicInteger audits = new AtomicInteger();

    @Inject
    Broadcaster broadcaster;

    @Client(context = Scope.LOCAL)
    public List<String> notes(String board) {
        return List.copyOf(notes.getOrDefault(board, List.of()));
    }

    @Client(affects = "notes", auth = Auth.AUTHENTICATED)
    public int addNote(String board, String text) {
        List<String> list = notes.computeIfAbsent(board, b -> new CopyOnWriteArrayList<>());
        list.add(text);
        return list.size();
    }

    @Client(context = Scope.GLOBAL, roles = "staff")
    public int audit() {
        return audits.get();
    }

    @Client(affects = "audit")
    public int touchAudit() {
        return audits.incrementAndGet();
    }

    /** Server code only: a job that clears a board. */
    @Client(serverOnly = true, affects = "notes")
    public int clear(String board) {
        notes.remove(board);
        return 0;
    }

    @Client
    public int announce(String topic, String headline) {
        broadcaster.send(NewsChannel.class, topic, new NewsChannel.News(headline, "..."));
        return 1;
    }

    /**
     * Announces a headline cut to {@code length} characters, as a teaser would, and answers it: a cut can split
     * a surrogate pair, leaving half of it at the end.
     */
    @Client
    public String teaser(String topic, String headline, int length) {
        String cut = headline.substring(0, length);
        broadcaster.send(NewsChannel.class, topic, new NewsChannel.News(cut, "..."));
        return cut;
    }

    /** Sends {@code count} messages of {@code size} characters to a chat room, as fast as it can. */
    @Client
    public int flood(String room, int count, int size) {
        String text = "x".repeat(size);
        for (int i = 0; i < count; i++) {
            broadcaster.send(ChatChannel.class, "chat_" + room, new ChatChannel.ChatMessage(text, "flood " + i));
        }
        return count;
    }
}
