package io.mizan.maven;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Waits for changes under source folders, subfolders included (new ones too), and lets a burst of
 * changes settle before answering: an editor that saves several files, or writes one in steps, gives
 * one answer.
 *
 * <pre>{@code
 * try (SourceWatcher w = new SourceWatcher(List.of(Path.of("src/main/java")))) {
 *     while (w.awaitChange(300)) { compile(); }
 * }
 * }</pre>
 */
final class SourceWatcher implements AutoCloseable {

    private final WatchService service;

    SourceWatcher(List<Path> roots) throws IOException {
        service = FileSystems.getDefault().newWatchService();
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                register(root);
            }
        }
    }

    /**
     * Blocks until something changed, then until nothing more changed for {@code quietMillis}.
     *
     * @return false when the watcher was closed
     */
    boolean awaitChange(long quietMillis) throws InterruptedException {
        try {
            WatchKey key = service.take();
            while (key != null) {
                handle(key);
                key = service.poll(quietMillis, TimeUnit.MILLISECONDS);
            }
            return true;
        } catch (ClosedWatchServiceException e) {
            return false;
        }
    }

    private void handle(WatchKey key) {
        Path dir = (Path) key.watchable();
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE) {
                Path created = dir.resolve((Path) event.context());
                if (Files.isDirectory(created)) {
                    try {
                        register(created);
                    } catch (IOException e) {
                        // a folder deleted as soon as made; nothing to watch
                    }
                }
            }
        }
        key.reset();
    }

    private void register(Path root) throws IOException {
        try (Stream<Path> dirs = Files.walk(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                dir.register(
                        service,
                        StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
    }

    @Override
    public void close() throws IOException {
        service.close();
    }
}
