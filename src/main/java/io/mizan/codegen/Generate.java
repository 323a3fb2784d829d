package io.mizan.codegen;

/**
 * The code generator as a main class for {@code exec-maven-plugin}'s {@code java} goal, which runs in
 * Maven's own JVM: it takes {@link Main}'s arguments and fails the build with an exception instead of
 * ending the JVM. With Maven, {@code io.mizan:mizan-maven-plugin}'s {@code generate} goal is shorter
 * (no arguments to write) and skips the work when nothing changed; this class serves builds that
 * cannot use it.
 *
 * <pre>{@code
 * <plugin>
 *   <groupId>org.codehaus.mojo</groupId>
 *   <artifactId>exec-maven-plugin</artifactId>
 *   <executions>
 *     <execution>
 *       <id>mizan-typescript</id>
 *       <phase>process-classes</phase>
 *       <goals><goal>java</goal></goals>
 *       <configuration>
 *         <mainClass>io.mizan.codegen.Generate</mainClass>
 *         <classpathScope>compile</classpathScope>
 *         <arguments>
 *           <argument>generate</argument>
 *           <argument>--out</argument><argument>${project.basedir}/web/src/mizan</argument>
 *           <argument>--classes</argument><argument>${project.build.outputDirectory}</argument>
 *         </arguments>
 *       </configuration>
 *     </execution>
 *   </executions>
 * </plugin>
 * }</pre>
 *
 * <p>With {@code classpathScope} {@code compile}, the project's dependencies, the Jakarta EE API
 * included, are already on the class path, so {@code --classpath} is not needed.
 */
public final class Generate {

    private Generate() {}

    public static void main(String[] args) {
        int code = Main.run(args, System.out, System.err);
        if (code != 0) {
            throw new IllegalStateException(
                    "Mizan code generation failed (exit code " + code + "); the reasons are printed above");
        }
    }
}
