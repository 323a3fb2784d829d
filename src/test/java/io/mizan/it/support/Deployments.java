package io.mizan.it.support;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

/** Builds test WARs the way a user would: their classes, plus the Mizan jar as built by Maven. */
public final class Deployments {

    private Deployments() {}

    /** The Mizan jar that {@code mvn package} produced (failsafe passes its path). */
    public static JavaArchive mizanJar() {
        String path = System.getProperty("mizan.jar");
        if (path == null || !new File(path).isFile()) {
            throw new IllegalStateException("mizan.jar (" + path + ") is missing: run the ITs with mvn verify");
        }
        return ShrinkWrap.createFromZipFile(JavaArchive.class, new File(path));
    }

    /**
     * The jars Mizan depends on at run time (Lettuce, and the Netty and Reactor it needs), as Maven puts
     * them in a user's WAR; found on the test class path.
     */
    public static File[] runtimeDependencies() {
        List<File> jars = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = new File(entry).getName();
            if (name.endsWith(".jar")
                    && (name.startsWith("lettuce-core-")
                            || name.startsWith("netty-")
                            || name.startsWith("reactor-core-")
                            || name.startsWith("reactive-streams-"))) {
                jars.add(new File(entry));
            }
        }
        if (jars.stream().noneMatch(f -> f.getName().startsWith("lettuce-core-"))) {
            throw new IllegalStateException("lettuce-core is not on the test class path");
        }
        return jars.toArray(File[]::new);
    }

    /** A WAR with these classes' packages, the Mizan jar and the given MicroProfile Config properties. */
    public static WebArchive war(String name, String config, Class<?>... packagesOf) {
        WebArchive war = ShrinkWrap.create(WebArchive.class, name + ".war")
                .addAsLibrary(mizanJar())
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml")
                .addAsResource(new StringAsset(config), "META-INF/microprofile-config.properties");
        for (Class<?> c : packagesOf) {
            war.addPackage(c.getPackage());
        }
        return war;
    }
}
