package io.mizan.inprocess.channels.live;

import io.mizan.Auth;
import io.mizan.Client;
import io.mizan.Scope;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotBlank;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Boards of notes anyone may read, an inbox for signed-in users, a payroll for staff, and the
 * mutations that change them.
 */
@ApplicationScoped
public class Boards {

    private final Map<String, List<String>> notes = new ConcurrentHashMap<>();

    @Client(context = Scope.LOCAL, auth = Auth.PUBLIC)
    public List<String> notes(String board) {
        return List.copyOf(notes.getOrDefault(board, List.of()));
    }

    @Client(context = Scope.GLOBAL, auth = Auth.AUTHENTICATED)
    public int inbox() {
        return 0;
    }

    @Client(context = Scope.GLOBAL, roles = "staff")
    public int payroll() {
        return 0;
    }

    @Client(affects = "notes", auth = Auth.PUBLIC)
    public void addNote(String board, @NotBlank String text) {
        notes.computeIfAbsent(board, b -> new CopyOnWriteArrayList<>()).add(text);
    }

    @Client(
            affects = {"notes", "inbox", "payroll"},
            roles = "staff")
    public void reorganize(String board) {
        notes.remove(board);
    }

    /** Notes that arrive from elsewhere: only server code calls it. */
    @Client(serverOnly = true, affects = "notes")
    @PermitAll
    public void imported(String board, String text) {
        notes.computeIfAbsent(board, b -> new CopyOnWriteArrayList<>()).add(text);
    }

    @Client(affects = "notes", auth = Auth.PUBLIC)
    public void addNoteThenFail(String board) {
        notes.computeIfAbsent(board, b -> new CopyOnWriteArrayList<>()).add("half");
        throw new IllegalStateException("the board store is down");
    }

    /** Changes nothing a client holds. */
    @Client(auth = Auth.PUBLIC)
    public int count(String board) {
        return notes.getOrDefault(board, List.of()).size();
    }
}
