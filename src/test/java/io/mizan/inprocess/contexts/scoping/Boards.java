package io.mizan.inprocess.contexts.scoping;

import io.mizan.Client;
import io.mizan.Scope;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class Boards {

    /** A board: an object, so it cannot scope a key. */
    public record Board(long id, String title) {}

    @Client(context = Scope.LOCAL)
    public List<String> notes(long board) {
        return List.of();
    }

    @Client(affects = "notes")
    public void rename(Board board) {}
}
