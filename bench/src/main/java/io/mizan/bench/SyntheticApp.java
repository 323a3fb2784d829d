package io.mizan.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the Java sources of a synthetic application: {@link #DOMAINS} {@code @ApplicationScoped}
 * services of {@link #FUNCTIONS_PER_BEAN} {@code @Client} functions each.
 *
 * <p>Each domain (say {@code Order}, in package {@code bench.app.order}) has two enums and five records
 * with Bean Validation constraints, and one service with:
 * <ul>
 *   <li>2 contexts: {@code orderSettings()} (GLOBAL) and {@code orders(long ownerId, OrderStatus status)} (LOCAL);</li>
 *   <li>8 mutations whose {@code affects} name those contexts, and for one of them the next domain's
 *       LOCAL context, whose parameter is also called {@code ownerId} (scoped keys across domains);</li>
 *   <li>10 calls: records with {@code @Valid}, {@code Optional}, {@code List}, {@code Set},
 *       {@code Map<String, V>}, {@code java.time}, {@code UUID}, a generic {@code Page<T>}, an
 *       injected {@code Principal}, and {@code auth}/{@code roles} rules.</li>
 * </ul>
 * Shared records ({@code Address}, {@code Money}, {@code Page<T>}) live in {@code bench.app.common}.
 * Method bodies are short, as in a thin service layer.
 */
final class SyntheticApp {

    static final List<String> DOMAINS = List.of(
            "Order", "Invoice", "Customer", "Product", "Shipment", "Supplier", "Warehouse", "Ticket", "Project",
            "Task", "Employee", "Payment", "Refund", "Coupon", "Review", "Article", "Remark", "Booking", "Room",
            "Vehicle", "Driver", "Route", "Contract", "Lead", "Campaign", "Subscription", "Plan", "Device",
            "Sensor", "Alert", "Report", "Budget", "Expense", "Asset", "License", "Course", "Lesson", "Student",
            "Exam", "Patient", "Appointment", "Prescription", "Recipe", "Menu", "Tenant", "Concert", "Venue",
            "Artist", "Album", "Playlist");

    static final int FUNCTIONS_PER_BEAN = 20;
    static final int CONTEXTS_PER_BEAN = 2;
    static final int MUTATIONS_PER_BEAN = 8;

    /** What was written. */
    record Written(List<Path> files, List<String> beanClasses, long lines, long bytes) {
        int functions() {
            return beanClasses.size() * FUNCTIONS_PER_BEAN;
        }
    }

    private SyntheticApp() {
    }

    static Written write(Path src) throws IOException {
        List<Path> files = new ArrayList<>();
        List<String> beans = new ArrayList<>();
        String common = "bench.app.common";
        files.add(file(src, common, "Address", """
                public record Address(
                        @NotBlank @Size(max = 120) String street,
                        @NotBlank @Size(max = 60) String city,
                        @Pattern(regexp = "[0-9]{5}") String zip,
                        @NotBlank @Size(min = 2, max = 2) String country) {
                }
                """, "jakarta.validation.constraints.NotBlank", "jakarta.validation.constraints.Pattern",
                "jakarta.validation.constraints.Size"));
        files.add(file(src, common, "Money", """
                public record Money(@NotNull @DecimalMin("0") BigDecimal amount, @Pattern(regexp = "[A-Z]{3}") String currency) {
                }
                """, "java.math.BigDecimal", "jakarta.validation.constraints.DecimalMin",
                "jakarta.validation.constraints.NotNull", "jakarta.validation.constraints.Pattern"));
        files.add(file(src, common, "Page", """
                public record Page<T>(List<T> items, int total, int page, boolean last) {
                }
                """, "java.util.List"));
        for (int i = 0; i < DOMAINS.size(); i++) {
            String next = DOMAINS.get((i + 1) % DOMAINS.size());
            writeDomain(src, DOMAINS.get(i), next, files, beans);
        }
        long lines = 0;
        long bytes = 0;
        for (Path f : files) {
            String text = Files.readString(f);
            lines += text.lines().count();
            bytes += text.getBytes(StandardCharsets.UTF_8).length;
        }
        return new Written(files, beans, lines, bytes);
    }

    private static String pkg(String domain) {
        return "bench.app." + domain.toLowerCase();
    }

    private static void writeDomain(Path src, String d, String next, List<Path> files, List<String> beans)
            throws IOException {
        String p = pkg(d);
        String lower = Character.toLowerCase(d.charAt(0)) + d.substring(1);
        String plural = lower + "s";
        String nextPlural = Character.toLowerCase(next.charAt(0)) + next.substring(1) + "s";

        files.add(file(src, p, d + "Status", "public enum " + d + "Status { DRAFT, OPEN, ON_HOLD, CLOSED, ARCHIVED }\n"));
        files.add(file(src, p, d + "Priority", "public enum " + d + "Priority { LOW, NORMAL, HIGH, URGENT }\n"));

        files.add(file(src, p, d + "View", """
                public record %1$sView(
                        long id,
                        long ownerId,
                        String title,
                        %1$sStatus status,
                        %1$sPriority priority,
                        List<String> tags,
                        Map<String, Integer> counters,
                        Optional<String> note,
                        Instant createdAt,
                        LocalDate dueOn,
                        Money total,
                        Address address) {
                }
                """.formatted(d), "java.time.Instant", "java.time.LocalDate", "java.util.List", "java.util.Map",
                "java.util.Optional", "bench.app.common.Address", "bench.app.common.Money"));

        files.add(file(src, p, d + "Draft", """
                public record %1$sDraft(
                        @NotBlank @Size(max = 80) String title,
                        @NotBlank @Email String contactEmail,
                        @NotBlank @Pattern(regexp = "[A-Z]{2}-[0-9]{4}") String code,
                        @Min(0) @Max(10000) int quantity,
                        %1$sPriority priority,
                        @Size(max = 10) List<@NotBlank @Size(max = 30) String> tags,
                        Optional<LocalDate> dueOn,
                        @Valid Money total,
                        @Valid Address address) {
                }
                """.formatted(d), "java.time.LocalDate", "java.util.List", "java.util.Optional",
                "bench.app.common.Address", "bench.app.common.Money", "jakarta.validation.Valid",
                "jakarta.validation.constraints.Email", "jakarta.validation.constraints.Max",
                "jakarta.validation.constraints.Min", "jakarta.validation.constraints.NotBlank",
                "jakarta.validation.constraints.Pattern", "jakarta.validation.constraints.Size"));

        files.add(file(src, p, d + "Filter", """
                public record %1$sFilter(
                        Optional<@Size(max = 100) String> text,
                        List<%1$sStatus> statuses,
                        Set<%1$sPriority> priorities,
                        @Min(1) @Max(200) int pageSize,
                        Optional<Instant> since,
                        Optional<LocalDate> dueBefore) {
                }
                """.formatted(d), "java.time.Instant", "java.time.LocalDate", "java.util.List", "java.util.Optional",
                "java.util.Set", "jakarta.validation.constraints.Max", "jakarta.validation.constraints.Min",
                "jakarta.validation.constraints.Size"));

        files.add(file(src, p, d + "Settings", """
                public record %1$sSettings(
                        boolean notifyOwner,
                        @Min(1) @Max(200) int pageSize,
                        @Email String replyTo,
                        Map<String, @NotBlank String> labels,
                        Duration reminder,
                        %1$sPriority defaultPriority) {
                }
                """.formatted(d), "java.time.Duration", "java.util.Map", "jakarta.validation.constraints.Email",
                "jakarta.validation.constraints.Max", "jakarta.validation.constraints.Min",
                "jakarta.validation.constraints.NotBlank"));

        files.add(file(src, p, d + "Stats", """
                public record %1$sStats(
                        long total,
                        Map<String, Long> byStatus,
                        double averageAmount,
                        LocalDateTime computedAt,
                        List<LocalDate> busiestDays) {
                }
                """.formatted(d), "java.time.LocalDate", "java.time.LocalDateTime", "java.util.List",
                "java.util.Map"));

        String service = d + "Service";
        beans.add(p + "." + service);
        files.add(file(src, p, service, """
                @ApplicationScoped
                public class %1$sService {

                    private final Map<Long, %1$sView> store = new ConcurrentHashMap<>();
                    private volatile %1$sSettings settings =
                            new %1$sSettings(true, 20, "team@example.com", Map.of(), Duration.ofHours(1), %1$sPriority.NORMAL);

                    private static %1$sView sample(long id, long ownerId) {
                        return new %1$sView(id, ownerId, "%1$s " + id, %1$sStatus.OPEN, %1$sPriority.NORMAL, List.of("a"),
                                Map.of("views", 1), Optional.empty(), Instant.EPOCH, LocalDate.of(2025, 1, 31),
                                new Money(BigDecimal.TEN, "EUR"), new Address("1 Main St", "Springfield", "12345", "US"));
                    }

                    private %1$sView stored(long id) {
                        %1$sView view = store.get(id);
                        if (view == null) {
                            throw new MizanException(404, "No %2$s " + id);
                        }
                        return view;
                    }

                    // ---- contexts ----

                    @Client(context = Scope.GLOBAL)
                    public %1$sSettings %2$sSettings() {
                        return settings;
                    }

                    @Client(context = Scope.LOCAL)
                    public List<%1$sView> %3$s(long ownerId, %1$sStatus status) {
                        return store.values().stream().filter(v -> v.ownerId() == ownerId && v.status() == status).toList();
                    }

                    // ---- mutations ----

                    @Client(auth = Auth.AUTHENTICATED, affects = "%3$s")
                    public %1$sView create%1$s(long ownerId, @Valid %1$sDraft draft) {
                        long id = store.size() + 1L;
                        %1$sView view = new %1$sView(id, ownerId, draft.title(), %1$sStatus.DRAFT, draft.priority(),
                                draft.tags(), Map.of(), Optional.empty(), Instant.now(), draft.dueOn().orElse(null),
                                draft.total(), draft.address());
                        store.put(id, view);
                        return view;
                    }

                    @Client(affects = "%3$s")
                    public %1$sView rename%1$s(long ownerId, long %2$sId, @NotBlank @Size(max = 80) String title) {
                        %1$sView v = stored(%2$sId);
                        %1$sView renamed = new %1$sView(v.id(), ownerId, title, v.status(), v.priority(), v.tags(),
                                v.counters(), v.note(), v.createdAt(), v.dueOn(), v.total(), v.address());
                        store.put(%2$sId, renamed);
                        return renamed;
                    }

                    @Client(affects = "%3$s")
                    public %1$sView set%1$sStatus(long ownerId, long %2$sId, %1$sStatus status) {
                        return stored(%2$sId);
                    }

                    @Client(affects = "%3$s", roles = "staff")
                    public void delete%1$s(long ownerId, long %2$sId) {
                        store.remove(%2$sId);
                    }

                    @Client(affects = "%2$sSettings", roles = {"staff", "admin"})
                    public %1$sSettings update%1$sSettings(@Valid %1$sSettings settings) {
                        this.settings = settings;
                        return settings;
                    }

                    @Client(affects = {"%3$s", "%2$sSettings"})
                    public List<%1$sView> import%1$ss(long ownerId, @Size(max = 500) List<@Valid %1$sDraft> drafts) {
                        return drafts.stream().map(d -> sample(store.size() + 1L, ownerId)).toList();
                    }

                    /** Moves a record to another owner; the next domain keeps a per-owner list too. */
                    @Client(affects = {"%3$s", "%4$s"})
                    public %1$sView move%1$s(long %2$sId, long ownerId, long newOwnerId) {
                        return sample(%2$sId, newOwnerId);
                    }

                    @Client(affects = "%3$s")
                    public Map<String, Integer> tag%1$ss(long ownerId, Set<@NotBlank String> tags, Optional<String> note) {
                        return Map.of("tagged", tags.size());
                    }

                    // ---- calls ----

                    @Client
                    public Page<%1$sView> search%1$ss(@Valid %1$sFilter filter, @Min(0) int page) {
                        return new Page<>(List.of(sample(1, 1)), 1, page, true);
                    }

                    @Client
                    public Optional<%1$sView> find%1$s(long %2$sId) {
                        return Optional.ofNullable(store.get(%2$sId));
                    }

                    @Client
                    public %1$sStats %2$sStats(LocalDate from, LocalDate to) {
                        return new %1$sStats(store.size(), Map.of("OPEN", 1L), 10.5, LocalDateTime.of(from, LocalTime.NOON),
                                List.of(from, to));
                    }

                    @Client
                    public List<%1$sView> recent%1$ss(@Min(1) @Max(100) int limit, Optional<Instant> since) {
                        return store.values().stream().limit(limit).toList();
                    }

                    @Client
                    public Map<String, List<%1$sView>> %3$sByTag(long ownerId) {
                        return Map.of("a", List.of(sample(1, ownerId)));
                    }

                    @Client
                    public String export%1$ss(long ownerId, @NotBlank @Pattern(regexp = "csv|json") String format) {
                        return format.equals("csv") ? "id,title\\n" : "[]";
                    }

                    @Client
                    public boolean validate%1$s(@Valid %1$sDraft draft) {
                        return true;
                    }

                    @Client
                    public Map<String, %1$sStatus> %2$sStatuses(@Size(max = 100) List<Long> ids) {
                        return Map.of("1", %1$sStatus.OPEN);
                    }

                    @Client
                    public %1$sView %2$sByRef(UUID ref, Optional<Boolean> includeArchived) {
                        return sample(ref.getLeastSignificantBits() & 0xffff, 1);
                    }

                    @Client(roles = "staff")
                    public %1$sStats audit%1$ss(Principal me, LocalDateTime since, @Min(1) int limit) {
                        return new %1$sStats(0, Map.of(), 0, since, List.of());
                    }
                }
                """.formatted(d, lower, plural, nextPlural),
                "java.math.BigDecimal", "java.security.Principal", "java.time.Duration", "java.time.Instant",
                "java.time.LocalDate", "java.time.LocalDateTime", "java.time.LocalTime", "java.util.List",
                "java.util.Map", "java.util.Optional", "java.util.Set", "java.util.UUID",
                "java.util.concurrent.ConcurrentHashMap", "bench.app.common.Address", "bench.app.common.Money",
                "bench.app.common.Page", "io.mizan.Auth", "io.mizan.Client", "io.mizan.MizanException",
                "io.mizan.Scope", "jakarta.enterprise.context.ApplicationScoped", "jakarta.validation.Valid",
                "jakarta.validation.constraints.Max", "jakarta.validation.constraints.Min",
                "jakarta.validation.constraints.NotBlank", "jakarta.validation.constraints.Pattern",
                "jakarta.validation.constraints.Size"));
    }

    private static Path file(Path src, String pkg, String name, String body, String... imports) throws IOException {
        StringBuilder s = new StringBuilder("package ").append(pkg).append(";\n\n");
        for (String i : imports) {
            s.append("import ").append(i).append(";\n");
        }
        if (imports.length > 0) {
            s.append('\n');
        }
        s.append(body);
        Path dir = src.resolve(pkg.replace('.', '/'));
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".java");
        Files.writeString(file, s.toString(), StandardCharsets.UTF_8);
        return file;
    }
}
