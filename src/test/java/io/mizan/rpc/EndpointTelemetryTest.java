package io.mizan.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mizan.Auth;
import io.mizan.Client;
import io.mizan.Scope;
import io.mizan.forms.FormOperations;
import io.mizan.hydration.Hydration;
import io.mizan.invoke.Invoker;
import io.mizan.json.ArgumentBinder;
import io.mizan.json.ResultEncoder;
import io.mizan.model.Model;
import io.mizan.model.ModelBuilder;
import io.mizan.security.Caller;
import io.mizan.security.OriginPolicy;
import io.mizan.telemetry.Telemetry;
import io.mizan.telemetry.TelemetrySettings;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.NotFoundException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Each entry point observes what it runs with the status it answered: a call's and a context read's
 * spans carry the HTTP status of their answer, whatever refused or failed them; hydration's carry
 * what each context's read came to.
 */
class EndpointTelemetryTest {

    public static class Shop {
        @Client
        public int restock(@Min(1) int count) {
            return count + 1;
        }

        @Client
        public String boom() {
            throw new IllegalStateException("out of order");
        }

        @Client
        public String gone() {
            throw new NotFoundException("no such shelf");
        }

        @Client(context = Scope.LOCAL)
        public String stock(String board) {
            return board;
        }

        @Client(context = Scope.GLOBAL)
        public String opening() {
            return "9-17";
        }

        @Client(context = Scope.GLOBAL, auth = Auth.AUTHENTICATED)
        public String staffRoom() {
            return "upstairs";
        }

        @Client(context = Scope.GLOBAL)
        public String closing() {
            throw new IllegalStateException("no clock");
        }
    }

    static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();
    static final Model MODEL = new ModelBuilder(Auth.PUBLIC).build(List.of(Shop.class));

    final InMemorySpanExporter spans = InMemorySpanExporter.create();
    final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder()
                    .addSpanProcessor(SimpleSpanProcessor.create(spans))
                    .build())
            .build();
    final Shop shop = new Shop();
    final ResultEncoder encoder = new ResultEncoder(MODEL);
    final ArgumentBinder binder = new ArgumentBinder(MODEL, encoder.jsonb());
    final Invoker invoker = TestInvokers.on(
            MODEL,
            shop,
            encoder,
            VALIDATION,
            Telemetry.select(
                    new TelemetrySettings(true, TelemetrySettings.Metrics.NONE, true),
                    MODEL,
                    (type, qualifiers) -> type.isInstance(sdk) ? sdk : null,
                    getClass().getClassLoader()));
    final OriginPolicy origins = new OriginPolicy(List.of(), null, false);
    final CallEndpoint calls =
            new CallEndpoint(invoker, binder, new FormOperations(invoker, binder), origins, new Cors(origins), 64);
    final ContextEndpoint contexts =
            new ContextEndpoint(invoker, binder, origins, new ETags("test-key"), new Cors(origins), false);

    @AfterEach
    void close() {
        sdk.close();
    }

    @AfterAll
    static void closeValidation() {
        VALIDATION.close();
    }

    int call(String name, String json) {
        return calls.call(
                        name,
                        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                        new FakeExchange()
                                .header("Content-Type", "application/json")
                                .build(),
                        Caller.ANONYMOUS)
                .getStatus();
    }

    /** Each finished span as {@code name status}, in order. */
    List<String> observed() {
        return spans.getFinishedSpanItems().stream()
                .map(s -> s.getName() + " " + s.getAttributes().get(AttributeKey.longKey("mizan.status"))
                        + (s.getAttributes().get(AttributeKey.stringKey("error.type")) == null ? "" : " error"))
                .toList();
    }

    @Test
    void aCallsSpanHasTheStatusItsAnswerHas() {
        assertEquals(200, call("restock", "{\"count\":2}"));
        assertEquals(422, call("restock", "{\"count\":0}"));
        assertEquals(400, call("restock", "{\"count\":"));
        assertEquals(413, call("restock", "{\"count\":" + "1".repeat(80) + "}"));
        assertEquals(404, call("gone", "{}"));
        assertEquals(500, call("boom", "{}"));
        assertEquals(
                List.of(
                        "mizan call restock 200",
                        "mizan call restock 422",
                        "mizan call restock 400",
                        "mizan call restock 413",
                        "mizan call gone 404",
                        "mizan call boom 500 error"),
                observed());
    }

    @Test
    void anUnknownFunctionIsAnsweredButNotObserved() {
        assertEquals(404, call("nosuch", "{}"));
        assertEquals(List.of(), observed());
    }

    @Test
    void aContextReadsSpanHasItsStatusA304Included() {
        FakeExchange request = new FakeExchange().query("board", "general");
        String tag = contexts.read("stock", request.build(), Caller.ANONYMOUS)
                .getEntityTag()
                .getValue();
        int again = contexts.read(
                        "stock",
                        request.header("If-None-Match", "\"" + tag + "\"").build(),
                        Caller.ANONYMOUS)
                .getStatus();
        assertEquals(304, again);
        assertEquals(List.of("mizan ctx stock 200", "mizan ctx stock 304"), observed());
        SpanData read = spans.getFinishedSpanItems().get(0);
        assertEquals("ctx", read.getAttributes().get(AttributeKey.stringKey("mizan.entry")));
    }

    @Test
    void hydrationObservesEachGlobalContextWithWhatItsReadCameTo() {
        String document = new Hydration(invoker, binder).contexts(Caller.ANONYMOUS, null);
        assertEquals("{\"contexts\":{\"opening\":\"9-17\"}}", document);
        assertEquals(
                List.of("mizan hydrate closing 500 error", "mizan hydrate opening 200", "mizan hydrate staffRoom 401"),
                observed().stream().sorted().toList());
    }

    @Test
    void eachEntryOfABatchIsObservedAsTheCallOrReadItWouldBeAlone() {
        BatchEndpoint batches = new BatchEndpoint(
                new CallEndpoint(
                        invoker, binder, new FormOperations(invoker, binder), origins, new Cors(origins), 4096),
                contexts,
                new Cors(origins),
                8,
                invoker.telemetry());
        String body =
                """
                {"batch":[{"call":"restock","args":{"count":0}},{"ctx":"stock","params":{"board":"a"}},\
                {"call":"boom"},{"call":"nosuch"},{"ctx":"opening"}]}""";
        assertEquals(
                200,
                batches.batch(
                                new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)),
                                new FakeExchange()
                                        .header("Content-Type", "application/json")
                                        .build(),
                                () -> Caller.ANONYMOUS)
                        .getStatus());
        assertEquals(
                List.of(
                        "mizan call restock 422",
                        "mizan ctx stock 200",
                        "mizan call boom 500 error",
                        "mizan ctx opening 200"),
                observed());
    }
}
