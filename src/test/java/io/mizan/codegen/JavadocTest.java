package io.mizan.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mizan.Auth;
import io.mizan.codegen.fixture.ChatChannel;
import io.mizan.codegen.fixture.Greeting;
import io.mizan.codegen.fixture.UserView;
import io.mizan.codegen.fixture.Users;
import io.mizan.model.Model;
import io.mizan.model.ModelBuilder;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The first sentence of the Java sources' Javadoc becomes the generated code's doc comment. */
class JavadocTest {

    static final Javadoc DOCS = Javadoc.read(List.of(Path.of("src/test/java/io/mizan/codegen/fixture")));

    @Test
    void readsFirstSentencesAsPlainText() {
        assertEquals(Optional.of("Changes a user's display name."), DOCS.of(Users.class, "updateName"));
        assertEquals(Optional.of("Greets someone by name, in their language."), DOCS.of(Users.class, "greet"));
        assertEquals(Optional.of("A user as the browser sees it."), DOCS.of(UserView.class));
        assertEquals(Optional.empty(), DOCS.of(Users.class, "setRole"));
        assertEquals(Optional.empty(), Javadoc.NONE.of(Greeting.class));
    }

    @Test
    void htmlEntitiesAreTheCharactersTheyStandFor() {
        Javadoc docs = Javadoc.read(List.of(Path.of("src/test/java/io/mizan/codegen/docfixture")));
        assertEquals(
                Optional.of("Whether a < b && b > c, in \"one\" step! for sure."),
                docs.of(io.mizan.codegen.docfixture.Entities.class, "between"));
    }

    @Test
    void generatedCodeCarriesThem() {
        Model model = new ModelBuilder(Auth.PUBLIC).build(List.of(Users.class));
        Map<String, String> files = new TypeScriptGenerator(DOCS).generate(model);
        assertTrue(
                files.get("api.ts").contains("/** Changes a user's display name. Refreshes: currentUser. */"),
                files.get("api.ts"));
        assertTrue(
                files.get("hooks.ts").contains("/** Changes a user's display name. Refreshes: currentUser. */"),
                files.get("hooks.ts"));
        assertTrue(
                files.get("hooks.ts")
                        .contains("Greets someone by name, in their language. For the params of the"
                                + " nearest GreetProvider."),
                files.get("hooks.ts"));
        assertTrue(
                files.get("types.ts").contains("/** A user as the browser sees it. */\nexport interface UserView"),
                files.get("types.ts"));
        assertTrue(files.get("api.ts").contains("/** Calls setRole."), "default comment without Javadoc");
    }

    @Test
    void aChannelHookCarriesItsHandlerClassesSummary() {
        Model model = new ModelBuilder(Auth.PUBLIC).build(List.of(ChatChannel.class));
        String channels = new TypeScriptGenerator(DOCS).generate(model).get("channels.ts");
        assertTrue(
                channels.contains(
                        """
                        /**
                         * A chat room: signed-in members talk to everyone in the room and see who is there. With presence:
                         * members lists who is in the group.
                         */
                        export function useChatChannel("""),
                channels);
    }
}
