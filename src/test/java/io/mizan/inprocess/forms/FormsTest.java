package io.mizan.inprocess.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mizan.FieldError;
import io.mizan.MizanException;
import io.mizan.forms.FormOperations;
import io.mizan.inprocess.FakeHttp;
import io.mizan.inprocess.InProcess;
import io.mizan.invoke.Entry;
import io.mizan.invoke.Invocation;
import io.mizan.invoke.Outcome;
import io.mizan.model.FormFieldModel;
import io.mizan.model.FormModel;
import io.mizan.security.Caller;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;
import java.util.Locale;

/**
 * Forms: the fields a record gives, its schema, validate (whole, partial, class-level), and submit
 * through the one invoker (422 with the form's paths, keys, a handler's own field error, access).
 */
class FormsTest {

    private static final String VALID =
            "{\"name\":\"Ada\",\"email\":\"ada@example.com\",\"topic\":\"SALES\",\"message\":\"hi\","
                    + "\"newsletter\":true,\"age_in_years\":null}";

    private InProcess.Deployment deployment;
    private FormOperations forms;

    @BeforeEach
    void start() {
        deployment = InProcess.start(Contact.class, Accounts.class);
        forms = deployment.bean(FormOperations.class);
    }

    @AfterEach
    void stop() {
        deployment.close();
    }

    private FormModel form(String name) {
        return deployment.extension().model().form(name).orElseThrow();
    }

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private Invocation authorized(String form, Caller caller, Locale locale) {
        HttpServletRequest request = locale == null ? null : request(locale);
        return deployment.invoker().authorize(form(form).submit(), caller, Entry.CLIENT, request);
    }

    private static HttpServletRequest request(Locale locale) {
        return new FakeHttp.Request()
                .locale(locale)
                .header("Accept-Language", locale.toLanguageTag())
                .build();
    }

    private JsonObject run(String function, String body, Caller caller, Locale locale) {
        FormOperations.Operation operation = forms.find(function).orElseThrow();
        String form = function.substring(0, function.indexOf('.'));
        return json(forms.run(operation, json(body), authorized(form, caller, locale)));
    }

    private JsonObject validate(String form, String fields) {
        return run(form + ".validate", "{\"form\":" + fields + "}", Caller.ANONYMOUS, null);
    }

    private static List<String> errors(JsonObject result) {
        return result.getJsonArray("errors").stream()
                .map(v -> v.asJsonObject().getString("path") + ": "
                        + v.asJsonObject().getString("message"))
                .toList();
    }

    @Test
    void aRecordsComponentsAreTheFieldsInOrderWithLabelsWidgetsAndChoices() {
        FormModel contact = form("contact");
        assertEquals("Contact Us", contact.title());
        assertEquals("contact.submit", contact.submit().name());
        assertEquals(
                List.of("name", "email", "topic", "message", "newsletter", "age_in_years"),
                contact.fields().stream().map(FormFieldModel::name).toList());
        assertEquals(
                List.of("Your name", "Email", "Topic", "Message", "Newsletter", "Age in years"),
                contact.fields().stream().map(FormFieldModel::label).toList());
        assertEquals(
                List.of("text", "email", "select", "textarea", "checkbox", "number"),
                contact.fields().stream().map(FormFieldModel::widget).toList());
        assertEquals(
                List.of(true, true, true, true, true, false),
                contact.fields().stream().map(FormFieldModel::required).toList());
        assertEquals(List.of("SALES", "SUPPORT"), contact.fields().get(2).choices());
        assertEquals("Ada Lovelace", contact.fields().get(0).placeholder());
        assertEquals("We answer within a day", contact.fields().get(3).help());
        assertEquals("Signup", form("signup").title(), "the humanized name without a title");
        assertEquals(
                List.of("password", "password"),
                form("signup").fields().subList(1, 3).stream()
                        .map(FormFieldModel::widget)
                        .toList());
    }

    @Test
    void theSchemaIsEnoughToRenderTheForm() {
        JsonObject schema = run("contact.schema", "{}", Caller.ANONYMOUS, null);
        assertEquals("Contact Us", schema.getString("title"));
        JsonObject name = schema.getJsonArray("fields").getJsonObject(0);
        assertEquals(
                json("{\"name\":\"name\",\"type\":\"string\",\"label\":\"Your name\",\"required\":true,"
                        + "\"widget\":\"text\",\"placeholder\":\"Ada Lovelace\","
                        + "\"constraints\":{\"NotBlank\":{},\"Size\":{\"max\":80,\"min\":0}}}"),
                name);
        JsonObject topic = schema.getJsonArray("fields").getJsonObject(2);
        assertEquals("[\"SALES\",\"SUPPORT\"]", topic.getJsonArray("choices").toString());
        JsonObject age = schema.getJsonArray("fields").getJsonObject(5);
        assertEquals("integer", age.getString("type"));
        assertFalse(age.getBoolean("required"));
        assertEquals(
                "{\"Min\":{\"value\":18}}", age.getJsonObject("constraints").toString());
        MizanException extra =
                assertThrows(MizanException.class, () -> run("contact.schema", "{\"x\":1}", Caller.ANONYMOUS, null));
        assertEquals("MIZAN-130", extra.code());
    }

    @Test
    void validateChecksAWholeFormWithoutRunningTheHandler() throws Exception {
        assertEquals(json("{\"valid\":true,\"errors\":[]}"), validate("contact", VALID));
        JsonObject bad =
                validate("contact", VALID.replace("ada@example.com", "nope").replace("\"Ada\"", "\" \""));
        assertFalse(bad.getBoolean("valid"));
        assertEquals(List.of("email", "name"), paths(bad));
        assertEquals(
                0,
                deployment
                                .call("inbox", Caller.ANONYMOUS, Entry.CLIENT, "{}")
                                .json()
                                .length()
                        - 1);
    }

    @Test
    void unknownFieldsAreListedTenAtMostWithHowManyMore() {
        StringBuilder fields = new StringBuilder("{\"name\":\"Ada\"");
        for (int i = 0; i < 3000; i++) {
            fields.append(",\"f").append(String.format("%04d", i)).append("\":1");
        }
        fields.append(",\"").append("z".repeat(100_000)).append("\":1}");
        MizanException e = assertThrows(MizanException.class, () -> validate("contact", fields.toString()));
        assertEquals("MIZAN-129", e.code(), "properties of the form's record, as inside any argument");
        assertTrue(
                e.getMessage().startsWith("Unknown properties 'f0000', 'f0001', ")
                        && e.getMessage().contains("'f0009' and 2991 more in argument 'form'; it has 'name', "),
                e.getMessage());
        assertTrue(e.getMessage().length() < 500, e.getMessage());

        StringBuilder body = new StringBuilder("{\"form\":{}");
        for (int i = 0; i < 3000; i++) {
            body.append(",\"a").append(String.format("%04d", i)).append("\":1");
        }
        MizanException args =
                assertThrows(MizanException.class, () -> run("contact.validate", body + "}", Caller.ANONYMOUS, null));
        assertTrue(args.getMessage().contains("'a0009' and 2990 more for contact.validate"), args.getMessage());
        MizanException schema = assertThrows(
                MizanException.class,
                () -> run("contact.schema", body.toString().replace("\"form\":{},", "") + "}", Caller.ANONYMOUS, null));
        assertTrue(schema.getMessage().contains("'a0009' and 2990 more for contact.schema"), schema.getMessage());
    }

    @Test
    void aNullFormOrAnUnknownFieldGetsTheSameAnswerFromValidateAndSubmit() {
        String nope = "{\"form\":" + VALID.replace("{", "{\"nope\":1,") + "}";
        MizanException unknown =
                assertThrows(MizanException.class, () -> run("contact.validate", nope, Caller.ANONYMOUS, null));
        assertEquals("MIZAN-129", unknown.code());
        assertTrue(unknown.getMessage().startsWith("Unknown property 'nope' in argument 'form'"), unknown.getMessage());
        // a submit's record is read field by field first, then bound as any argument
        MizanException submitted = assertThrows(
                MizanException.class,
                () -> forms.checkSubmit(form("contact"), json(nope), authorized("contact", Caller.ANONYMOUS, null)));
        assertEquals(unknown.getMessage(), submitted.getMessage());

        MizanException none = assertThrows(
                MizanException.class, () -> run("contact.validate", "{\"form\":null}", Caller.ANONYMOUS, null));
        assertEquals("MIZAN-133", none.code());
        MizanException noneSubmitted = assertThrows(
                MizanException.class,
                () -> deployment.call("contact.submit", Caller.ANONYMOUS, Entry.CLIENT, "{\"form\":null}"));
        assertEquals(none.getMessage(), noneSubmitted.getMessage());
    }

    private static List<String> paths(JsonObject result) {
        return result.getJsonArray("errors").stream()
                .map(v -> v.asJsonObject().getString("path"))
                .toList();
    }

    @Test
    void aPartialFormIsCheckedFieldByFieldReportingOnlyTheGivenFields() {
        assertEquals(List.of("email"), paths(validate("contact", "{\"email\":\"nope\"}")));
        assertEquals(json("{\"valid\":true,\"errors\":[]}"), validate("contact", "{\"name\":\"Ada\"}"));
        assertEquals(json("{\"valid\":true,\"errors\":[]}"), validate("contact", "{}"));
        JsonObject wrongType = validate("contact", "{\"age_in_years\":\"old\",\"topic\":\"OTHER\"}");
        assertEquals(List.of("age_in_years", "topic"), paths(wrongType), "unreadable values are field errors");
        assertEquals(List.of("age_in_years"), paths(validate("contact", "{\"age_in_years\":12}")));
        MizanException unknown = assertThrows(MizanException.class, () -> validate("contact", "{\"nmae\":\"x\"}"));
        assertEquals(400, unknown.status());
    }

    @Test
    void classLevelConstraintsAreCheckedOnAWholeFormOnTheFieldTheyName() {
        JsonObject differ = validate("signup", "{\"user\":\"al\",\"password\":\"secret-1\",\"confirm\":\"secret-2\"}");
        assertEquals(List.of("confirm: the passwords differ"), errors(differ));
        JsonObject partial = validate("signup", "{\"password\":\"secret-1\"}");
        assertEquals(json("{\"valid\":true,\"errors\":[]}"), partial, "not every field given: no class-level check");
    }

    @Test
    void submitRunsTheHandlerWithKeysOrAnswers422WithTheFormsPaths() throws Exception {
        Outcome sent =
                deployment.call("contact.submit", InProcess.user("ann"), Entry.CLIENT, "{\"form\":" + VALID + "}");
        assertEquals("{\"by\":\"ann\",\"ticket\":\"T-1\"}", sent.json());
        assertEquals(List.of("inbox"), sent.keys());

        MizanException invalid = assertThrows(
                MizanException.class,
                () -> deployment.call(
                        "contact.submit",
                        Caller.ANONYMOUS,
                        Entry.CLIENT,
                        "{\"form\":" + VALID.replace("ada@example.com", "nope") + "}"));
        assertEquals(422, invalid.status());
        assertEquals("MIZAN-183", invalid.code());
        assertEquals(
                List.of("email"),
                invalid.fieldErrors().stream().map(FieldError::path).toList());

        MizanException differ = assertThrows(
                MizanException.class,
                () -> deployment.call(
                        "signup.submit",
                        Caller.ANONYMOUS,
                        Entry.CLIENT,
                        "{\"form\":{\"user\":\"al\",\"password\":\"secret-1\",\"confirm\":\"x\"}}"));
        assertEquals(List.of(new FieldError("confirm", "the passwords differ")), differ.fieldErrors());

        MizanException taken = assertThrows(
                MizanException.class,
                () -> deployment.call(
                        "contact.submit",
                        Caller.ANONYMOUS,
                        Entry.CLIENT,
                        "{\"form\":" + VALID.replace("ada@example.com", "taken@example.com") + "}"));
        assertEquals(List.of(new FieldError("email", "this email is already subscribed")), taken.fieldErrors());
    }

    @Test
    void aSubmitsUnreadableFieldsAre422FieldErrorsWithTheOthersConstraints() {
        FormModel contact = form("contact");
        MizanException missing = assertThrows(
                MizanException.class,
                () -> forms.checkSubmit(
                        contact,
                        json("{\"form\":{\"name\":\" \",\"email\":\"ada@example.com\",\"age_in_years\":\"old\"}}"),
                        authorized("contact", Caller.ANONYMOUS, null)));
        assertEquals(422, missing.status());
        assertEquals(
                List.of("age_in_years", "message", "name", "newsletter", "topic"),
                missing.fieldErrors().stream().map(FieldError::path).toList());
        forms.checkSubmit(contact, json("{\"form\":" + VALID + "}"), authorized("contact", Caller.ANONYMOUS, null));
    }

    @Test
    void aSubmitsEmptyFieldsAreTheirConstraintsMessagesAsTheBrowserShowsThem() {
        MizanException empty = assertThrows(
                MizanException.class,
                () -> forms.checkSubmit(
                        form("contact"),
                        json("{\"form\":{\"name\":null,\"newsletter\":false}}"),
                        authorized("contact", Caller.ANONYMOUS, Locale.ENGLISH)));
        assertEquals(
                List.of(
                        new FieldError("email", "must not be blank"), // its @NotBlank
                        new FieldError("message", "must not be null"), // none of its own: the runtime's words
                        new FieldError("name", "must not be blank"),
                        new FieldError("topic", "must not be null")),
                empty.fieldErrors());
    }

    @Test
    void messagesFollowTheCallersLanguage() {
        JsonObject german = run("contact.validate", "{\"form\":{\"name\":\" \"}}", Caller.ANONYMOUS, Locale.GERMAN);
        assertEquals(List.of("name: darf nicht leer sein"), errors(german));
        JsonObject english = run("contact.validate", "{\"form\":{\"name\":\" \"}}", Caller.ANONYMOUS, Locale.ENGLISH);
        assertEquals(List.of("name: must not be blank"), errors(english));
    }

    @Test
    void theFormsAccessRuleAppliesToAllThreeFunctions() {
        MizanException schema =
                assertThrows(MizanException.class, () -> run("raise.schema", "{}", InProcess.user("ann"), null));
        assertEquals(403, schema.status());
        MizanException anonymous = assertThrows(
                MizanException.class, () -> run("raise.validate", "{\"form\":{}}", Caller.ANONYMOUS, null));
        assertEquals(401, anonymous.status());
        assertEquals(
                json(
                        "{\"valid\":false,\"errors\":[{\"path\":\"percent\",\"message\":\"must be less than or equal to 10\"}]}"),
                run("raise.validate", "{\"form\":{\"percent\":11}}", InProcess.user("sam", "staff"), Locale.ENGLISH));
        assertThrows(
                MizanException.class,
                () -> deployment.call(
                        "raise.submit", InProcess.user("ann"), Entry.CLIENT, "{\"form\":{\"percent\":1}}"));
    }

    @Test
    void serverCodeSubmittingAFormRecordsItsKeys() {
        Contact contact = deployment.bean(Contact.class);
        contact.contact(new ContactForm("Ada", "ada@example.com", ContactForm.Topic.SALES, "", false, null), null);
        assertEquals(List.of(List.of("inbox")), deployment.invalidated());
        assertTrue(forms.find("contact.submit").isEmpty(), "the submit is a function, not an operation");
        assertTrue(forms.find("nothing.schema").isEmpty());
    }
}
