package io.mizan.demo;

import io.mizan.Auth;
import io.mizan.Client;
import io.mizan.MizanException;
import io.mizan.Scope;
import io.mizan.demo.data.NoteEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.security.Principal;
import java.time.Instant;
import java.util.List;

/** Notes on named boards: a mutation whose key is scoped to the board it changed. */
@ApplicationScoped
public class Boards {

    /** One note. */
    public record Note(long id, String author, String text, Instant at) {
    }

    @PersistenceContext(unitName = "demo")
    EntityManager em;

    /** The notes of one board, oldest first. */
    @Client(context = Scope.LOCAL)
    public List<Note> notes(@Pattern(regexp = "[a-z0-9-]{1,20}") String board) {
        return em.createQuery("select n from NoteEntry n where n.board = :board order by n.id", NoteEntry.class)
                .setParameter("board", board)
                .getResultList()
                .stream()
                .map(Boards::view)
                .toList();
    }

    /**
     * Adds a note; only this board's notes refetch (key {@code notes;board=...}), and only after the
     * transaction committed, so every tab that refetches sees the note.
     */
    @Client(auth = Auth.AUTHENTICATED, affects = "notes")
    @Transactional
    public Note addNote(Principal me, @Pattern(regexp = "[a-z0-9-]{1,20}") String board,
                        @NotBlank @Size(max = 200) String text) {
        String note = Texts.trimmed(text);
        if (note.isEmpty()) { // @NotBlank trims only up to U+0020
            throw MizanException.invalid("text", "must not be blank");
        }
        NoteEntry entry = new NoteEntry(board, me.getName(), note, Instant.now());
        em.persist(entry);
        em.flush();
        return view(entry);
    }

    /** Empties a board and says how many notes it removed: staff only. */
    @Client(roles = "staff", affects = "notes")
    @Transactional
    public int clearBoard(@Pattern(regexp = "[a-z0-9-]{1,20}") String board) {
        return em.createQuery("delete from NoteEntry n where n.board = :board")
                .setParameter("board", board)
                .executeUpdate();
    }

    private static Note view(NoteEntry note) {
        return new Note(note.id(), note.author(), note.text(), note.postedAt());
    }
}
