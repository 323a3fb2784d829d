package io.mizan.invoke;

import jakarta.validation.MessageInterpolator;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validators whose messages speak the caller's language (its {@code Accept-Language}), with Bean
 * Validation's own interpolation and bundles. One validator per language is kept, up to
 * {@value #MAX_KEPT}: a header is the caller's to choose, so the set cannot grow without bound.
 */
public final class LocalizedValidators {

    static final int MAX_KEPT = 32;

    private final ValidatorFactory factory;
    private final Validator byDefault;
    private final Map<Locale, Validator> kept = new ConcurrentHashMap<>();

    /** Validators from this factory; the server's default locale when a call has none. */
    public LocalizedValidators(ValidatorFactory factory) {
        this.factory = factory;
        this.byDefault = factory.getValidator();
    }

    /** One validator whatever the locale (a server without a factory to ask). */
    public LocalizedValidators(Validator validator) {
        this.factory = null;
        this.byDefault = validator;
    }

    /** A validator that writes its messages in this locale's language ({@code null}: the server's). */
    public Validator of(Locale locale) {
        if (factory == null || locale == null || locale.getLanguage().isEmpty()) {
            return byDefault;
        }
        Locale language = Locale.forLanguageTag(locale.toLanguageTag());
        Validator validator = kept.get(language);
        if (validator == null) {
            validator = localized(language);
            if (kept.size() < MAX_KEPT) {
                kept.putIfAbsent(language, validator);
            }
        }
        return validator;
    }

    private Validator localized(Locale locale) {
        MessageInterpolator server = factory.getMessageInterpolator();
        MessageInterpolator inLocale = new MessageInterpolator() {
            @Override
            public String interpolate(String template, Context context) {
                return server.interpolate(template, context, locale);
            }

            @Override
            public String interpolate(String template, Context context, Locale other) {
                return server.interpolate(template, context, other);
            }
        };
        return factory.usingContext().messageInterpolator(inLocale).getValidator();
    }
}
