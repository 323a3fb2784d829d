package io.mizan.openapi;

/**
 * Sets the standard {@code mp.openapi.filter} to {@link MizanOpenApiFilter}, which adds Mizan's functions
 * to the server's OpenAPI document, with nothing for the application to configure. An application
 * that sets its own filter keeps it: this source sits above the usual ones (ordinal 1000), and
 * {@link MizanOpenApiFilter} reads the application's value from the sources below and runs that filter
 * too, over the whole document, Mizan's part included.
 *
 * <p>Silent where it has nothing to do: on a server without MicroProfile OpenAPI (the filter's
 * interface cannot be loaded) it has no value, and none when {@code mizan.openapi.enabled} is
 * {@code false}, which leaves the document, and the application's filter, as they would be without
 * Mizan.
 */
public final class OpenApiFilterSetting extends OneSettingSource {

    /** The MicroProfile OpenAPI setting this source gives. */
    public static final String PROPERTY = "mp.openapi.filter";

    /** The setting that turns Mizan's part of the document off. */
    public static final String ENABLED = "mizan.openapi.enabled";

    /** Mizan's filter, by name: naming the class itself would load the OpenAPI interface it implements. */
    static final String FILTER = "io.mizan.openapi.MizanOpenApiFilter";

    private static final String FILTER_INTERFACE = "org.eclipse.microprofile.openapi.OASFilter";

    private static final boolean OPENAPI_PRESENT = present();

    private static boolean present() {
        try {
            Class.forName(FILTER_INTERFACE, false, OpenApiFilterSetting.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false; // no MicroProfile OpenAPI on this server: nothing reads the setting
        }
    }

    /** The application's own {@code mp.openapi.filter}, as the sources below this one give it, or null. */
    static String applicationsFilter() {
        String value = LowerSources.value(PROPERTY, OpenApiFilterSetting.class);
        return value == null || value.isBlank() || value.strip().equals(FILTER) ? null : value.strip();
    }

    private boolean active() {
        if (!OPENAPI_PRESENT || LowerSources.reading()) {
            return false;
        }
        String enabled = LowerSources.value(ENABLED, OpenApiFilterSetting.class);
        return enabled == null || !enabled.strip().equalsIgnoreCase("false");
    }

    public OpenApiFilterSetting() {
        super(PROPERTY, "Mizan: its functions added to the OpenAPI document");
    }

    @Override
    boolean gives() {
        return active();
    }

    @Override
    String value() {
        return active() ? FILTER : null;
    }
}
