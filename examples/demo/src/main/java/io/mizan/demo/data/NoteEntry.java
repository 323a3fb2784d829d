package io.mizan.demo.data;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import java.time.Instant;

/** A note on a board, as stored. */
@Entity
@Table(name = "DEMO_NOTE", indexes = @Index(name = "DEMO_NOTE_BOARD", columnList = "BOARD"))
public class NoteEntry {

    @Id
    // a sequence (META-INF/schema.sql), not IDENTITY: EclipseLink writes IDENTITY columns in a syntax H2 2 refuses
    @SequenceGenerator(name = "DEMO_NOTE_SEQ", sequenceName = "DEMO_NOTE_SEQ", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "DEMO_NOTE_SEQ")
    @Column(name = "ID")
    private Long id;

    @Column(name = "BOARD", nullable = false, length = 20)
    private String board;

    @Column(name = "AUTHOR", nullable = false, length = 40)
    private String author;

    @Column(name = "TEXT", nullable = false, length = 200)
    private String text;

    /** Milliseconds since the epoch: portable across providers and databases. */
    @Column(name = "POSTED_AT", nullable = false)
    private long postedAt;

    protected NoteEntry() {}

    public NoteEntry(String board, String author, String text, Instant postedAt) {
        this.board = board;
        this.author = author;
        this.text = text;
        this.postedAt = postedAt.toEpochMilli();
    }

    public long id() {
        return id;
    }

    public String author() {
        return author;
    }

    public String text() {
        return text;
    }

    public Instant postedAt() {
        return Instant.ofEpochMilli(postedAt);
    }
}
