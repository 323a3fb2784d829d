package io.mizan.demo;

import io.mizan.Auth;
import io.mizan.Client;
import io.mizan.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Notes on named boards: a mutation whose key is scoped to the board it changed. */
@ApplicationScoped
public class Boards {

    /** One note. */
    public record Note(String author, String text, Instant at) {
    }

    private final Map<String, List<Note>> boards = new ConcurrentHashMap<>();

    /** The notes of one board. */
    @Client(context = Scope.LOCAL)
    public List<Note> notes(@Pattern(regexp = "[a-z0-9-]{1,20}") String board) {
        return List.copyOf(boards.getOrDefault(board, List.of()));
    }

    /** Adds a note; only this board's notes refetch (key notes;board=...). */
    @Client(auth = Auth.AUTHENTICATED, affects = "notes")
    public Note addNote(Principal me, @Pattern(regexp = "[a-z0-9-]{1,20}") String board,
                        @NotBlank @Size(max = 200) String text) {
        Note note = new Note(me.getName(), text.trim(), Instant.now());
        boards.computeIfAbsent(board, b -> new CopyOnWriteArrayList<>()).add(note);
        return note;
    }

    /** Empties a board: staff only. */
    @Client(roles = "staff", affects = "notes")
    public int clearBoard(@Pattern(regexp = "[a-z0-9-]{1,20}") String board) {
        List<Note> removed = boards.remove(board);
        return removed == null ? 0 : removed.size();
    }
}
