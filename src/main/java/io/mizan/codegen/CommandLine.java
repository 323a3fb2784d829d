package io.mizan.codegen;

import io.mizan.Auth;
import io.mizan.model.ModelBuilder;
import io.mizan.model.ModelException;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The parsed command line of {@link Main}.
 *
 * <pre>{@code
 * CommandLine c = CommandLine.parse(new String[]{"generate", "--out", "web/src/mizan", "--classes", "target/classes"});
 * c.out();       // web/src/mizan
 * c.classes();   // [target/classes]
 * c.auth();      // PUBLIC
 * }</pre>
 *
 * <p>{@code --name=value} is read as {@code --name value}.
 */
final class CommandLine {

    static final String USAGE =
            """
            Usage: java -jar mizan-jakarta.jar generate --out <dir> --classes <dir-or-jar> [options]

            Writes the TypeScript client (types, Zod schemas, API functions, React hooks, channel hooks and
            the runtime) for the @Client methods and @Channel handlers of compiled classes.

              --out <dir>              folder to write into (created when missing)
              --classes <dir-or-jar>   compiled application classes to scan; may be repeated
              --classpath <paths>      what those classes need to load, including the Jakarta EE API
                                       jars, separated by '%s'; 'dir/*' means every jar in dir
              --package <name>         scan only this package and its subpackages; may be repeated
              --sources <dir>          Java sources whose Javadoc first sentences become the doc comments
                                       of the generated code (src/main/java); may be repeated
              --auth-default <value>   public (the default) or authenticated, as mizan.auth.default
              --bean-discovery <mode>  all or annotated, as bean-discovery-mode in the application's
                                       beans.xml; by default read from META-INF/beans.xml of --classes
              --beans-xml <file>       the application's beans.xml when --classes does not hold it (a
                                       WAR's src/main/webapp/WEB-INF/beans.xml); --bean-discovery wins
              --help                   show this text
            """
                    .formatted(File.pathSeparator);

    private Path out;
    private final List<Path> classes = new ArrayList<>();
    private final List<Path> classpath = new ArrayList<>();
    private final List<String> packages = new ArrayList<>();
    private final List<Path> sources = new ArrayList<>();
    private Auth auth = Auth.PUBLIC;
    private BeanDiscovery.Mode beanDiscovery;
    private Path beansXml;

    private CommandLine() {}

    /** The folder to write into. */
    Path out() {
        return out;
    }

    /** The class folders and jars to scan. */
    List<Path> classes() {
        return classes;
    }

    /** What the scanned classes need to load. */
    List<Path> classpath() {
        return classpath;
    }

    /** The packages to scan; empty for all. */
    List<String> packages() {
        return packages;
    }

    /** The source folders whose Javadoc becomes doc comments. */
    List<Path> sources() {
        return sources;
    }

    Auth auth() {
        return auth;
    }

    /** The bean-discovery mode given with {@code --bean-discovery}; empty to read it from beans.xml. */
    Optional<BeanDiscovery.Mode> beanDiscovery() {
        return Optional.ofNullable(beanDiscovery);
    }

    /** The beans.xml given with {@code --beans-xml}; empty to read each archive's own. */
    Optional<Path> beansXml() {
        return Optional.ofNullable(beansXml);
    }

    /** A wrong command line; without a message, a request for the usage text. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message, null, false, false);
        }
    }

    static CommandLine parse(String[] args) throws UsageException {
        List<String> list = new ArrayList<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) { // --out=dir
                list.add(arg.substring(0, eq));
                list.add(arg.substring(eq + 1));
            } else {
                list.add(arg);
            }
        }
        if (list.contains("--help") || list.contains("-h")) {
            throw new UsageException(null);
        }
        if (list.isEmpty() || !list.get(0).equals("generate")) {
            throw new UsageException(list.isEmpty() ? "no command given" : "unknown command '" + list.get(0) + "'");
        }
        CommandLine c = new CommandLine();
        for (int i = 1; i < list.size(); i++) {
            String option = list.get(i);
            if (!option.startsWith("--")) {
                throw new UsageException("unexpected argument '" + option + "'");
            }
            if (i + 1 >= list.size()) {
                throw new UsageException(option + " needs a value");
            }
            c.set(option, list.get(++i));
        }
        if (c.out == null) {
            throw new UsageException("--out is required");
        }
        if (c.classes.isEmpty()) {
            throw new UsageException("--classes is required");
        }
        return c;
    }

    private void set(String option, String value) throws UsageException {
        switch (option) {
            case "--out" -> out = Path.of(value);
            case "--classes" -> {
                Path p = Path.of(value);
                if (!Files.exists(p)) {
                    throw new UsageException("--classes " + value + " does not exist");
                }
                classes.add(p);
            }
            case "--classpath" -> classpath.addAll(paths(value));
            case "--package" -> packages.add(value);
            case "--sources" -> sources.add(Path.of(value));
            case "--auth-default" -> {
                try {
                    auth = ModelBuilder.parseDefaultAuth(value);
                } catch (ModelException e) {
                    throw new UsageException("--auth-default must be public or authenticated, not '" + value + "'");
                }
            }
            case "--bean-discovery" -> beanDiscovery = BeanDiscovery.Mode.option(value)
                    .orElseThrow(
                            () -> new UsageException("--bean-discovery must be all or annotated, not '" + value + "'"));
            case "--beans-xml" -> {
                beansXml = Path.of(value);
                if (!Files.isRegularFile(beansXml)) {
                    throw new UsageException("--beans-xml " + value + " is no file");
                }
            }
            default -> throw new UsageException("unknown option " + option);
        }
    }

    private static List<Path> paths(String value) throws UsageException {
        List<Path> paths = new ArrayList<>();
        for (String entry : value.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            if (entry.endsWith("*")) { // dir/* as java -cp reads it: every jar in dir
                Path dir = Path.of(entry.substring(0, entry.length() - 1));
                try (Stream<Path> files = Files.list(dir)) {
                    files.filter(p -> p.getFileName().toString().endsWith(".jar"))
                            .sorted()
                            .forEach(paths::add);
                } catch (IOException e) {
                    throw new UsageException("--classpath entry " + entry + " cannot be listed");
                }
            } else {
                paths.add(Path.of(entry));
            }
        }
        return paths;
    }
}
