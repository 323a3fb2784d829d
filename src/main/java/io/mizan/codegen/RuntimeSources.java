package io.mizan.codegen;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The client runtime's TypeScript sources, which the build copies from {@code client/src} into the jar
 * under {@code io/mizan/codegen/runtime/}. The generator writes them into {@code runtime/} next to
 * the generated files, so the application needs no package of Mizan's own.
 */
final class RuntimeSources {

    /** The first line of each copied runtime file. */
    static final String HEADER = "// Mizan client runtime, copied next to the generated code. Do not edit.";

    private static final String FOLDER = "io/mizan/codegen/runtime/";

    /** The files the runtime had when this generator was written; used when the folder cannot be listed. */
    static final List<String> KNOWN = List.of(
            "MizanForm.tsx",
            "auth.ts",
            "backoff.ts",
            "cache.ts",
            "callSafely.ts",
            "channelJoins.ts",
            "client.ts",
            "contexts.tsx",
            "errors.ts",
            "fieldProps.ts",
            "forms.ts",
            "frames.ts",
            "hydration.ts",
            "index.ts",
            "isAbortError.ts",
            "isRecord.ts",
            "keys.ts",
            "live.ts",
            "mutations.ts",
            "parseJsonObject.ts",
            "presence.ts",
            "react.tsx",
            "resolver.ts",
            "session.ts",
            "socket.ts",
            "socketUrl.ts",
            "useChannel.ts",
            "useMizanForm.ts");

    private static final Pattern EXPORT_LIST = Pattern.compile("export\\s+(?:type\\s+)?\\{([^}]*)}");
    private static final Pattern EXPORT_DECLARATION = Pattern.compile(
            "export\\s+(?:declare\\s+)?(?:abstract\\s+)?(?:async\\s+)?(?:const|let|function\\*?|class|interface|type|enum)"
                    + "\\s+([A-Za-z_$][A-Za-z0-9_$]*)");

    private static volatile SortedMap<String, String> cached;

    private RuntimeSources() {}

    /** File name to content (LF line ends, with the copy header), sorted by name. */
    static SortedMap<String, String> files() {
        SortedMap<String, String> files = cached;
        if (files == null) {
            files = Collections.unmodifiableSortedMap(load());
            cached = files;
        }
        return files;
    }

    /** The names the runtime's {@code index.ts} exports. */
    static Set<String> exports() {
        String index = files().get("index.ts");
        Set<String> names = new LinkedHashSet<>();
        String code = index.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)//.*$", "");
        Matcher list = EXPORT_LIST.matcher(code);
        while (list.find()) {
            for (String part : list.group(1).split(",")) {
                String[] words = part.trim().split("\\s+");
                String name = words[words.length - 1];
                if (!name.isEmpty() && TsNames.isIdentifier(name) && !name.equals("type")) {
                    names.add(name);
                }
            }
        }
        Matcher declaration = EXPORT_DECLARATION.matcher(code);
        while (declaration.find()) {
            names.add(declaration.group(1));
        }
        return names;
    }

    private static SortedMap<String, String> load() {
        ClassLoader loader = RuntimeSources.class.getClassLoader();
        URL index = loader.getResource(FOLDER + "index.ts");
        if (index == null) {
            throw new IllegalStateException("The Mizan client runtime is not on the classpath (" + FOLDER
                    + "index.ts); the jar is built with it from client/src");
        }
        SortedMap<String, String> files = new TreeMap<>();
        for (String name : list(index)) {
            try (InputStream in = loader.getResourceAsStream(FOLDER + name)) {
                if (in != null) {
                    String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
                    files.put(name, HEADER + "\n" + text);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    /** The runtime's file names, listed from the folder or the jar that holds index.ts. */
    private static List<String> list(URL index) {
        List<String> names = new ArrayList<>();
        try {
            if (index.getProtocol().equals("file")) {
                try (Stream<Path> files = Files.list(Path.of(index.toURI()).getParent())) {
                    files.map(p -> p.getFileName().toString()).forEach(names::add);
                }
            } else if (index.getProtocol().equals("jar")) {
                JarURLConnection connection = (JarURLConnection) index.openConnection();
                connection.setUseCaches(false);
                try (JarFile jar = connection.getJarFile()) {
                    for (JarEntry entry : Collections.list(jar.entries())) {
                        String name = entry.getName();
                        if (name.startsWith(FOLDER) && name.indexOf('/', FOLDER.length()) < 0) {
                            names.add(name.substring(FOLDER.length()));
                        }
                    }
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            names.clear();
        }
        List<String> sources =
                names.stream().filter(RuntimeSources::isSource).sorted().toList();
        return sources.isEmpty() ? KNOWN : sources;
    }

    private static boolean isSource(String name) {
        return (name.endsWith(".ts") || name.endsWith(".tsx")) && !name.contains(".test.") && !name.contains(".spec.");
    }
}
