package io.mizan.inprocess.channels.live;

import io.mizan.Invalidator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;

/** Server code: a job that imports notes, and one that says by hand what changed. */
@ApplicationScoped
public class Importer {

    @Inject
    Boards boards;

    @Inject
    Invalidator invalidator;

    public void run(String board) {
        boards.imported(board, "imported");
    }

    public void touched(String board) {
        invalidator.invalidate("notes", Map.of("board", board));
    }
}
