package org.ordo.backoffice.internal;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.ordo.platform.Locales;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;

/**
 * The language of the pages: the one chosen in the session (set at login from the user's setting, changed by the
 * header's switch); before that, the browser's best supported language; else English.
 */
@Configuration(proxyBeanMethods = false)
public class BackofficeLocales {

    /** A page for a customer (the tracking page) speaks the customer's language: set it as this request attribute. */
    public static final String PAGE_LOCALE = "org.ordo.backoffice.pageLocale";

    @Bean
    LocaleResolver localeResolver() {
        var resolver = new SessionLocaleResolver() {
            @Override
            public LocaleContext resolveLocaleContext(HttpServletRequest request) {
                LocaleContext session = super.resolveLocaleContext(request);
                return () -> request.getAttribute(PAGE_LOCALE) instanceof Locale page ? page : session.getLocale();
            }

            @Override
            public Locale resolveLocale(HttpServletRequest request) {
                return request.getAttribute(PAGE_LOCALE) instanceof Locale page ? page : super.resolveLocale(request);
            }
        };
        resolver.setDefaultLocaleFunction(BackofficeLocales::fromBrowser);
        return resolver;
    }

    /** The back office's texts in de, en, es and ko (messages/backoffice_*.properties, UTF-8), plurals by ICU. */
    @Bean
    MessageSource messageSource() {
        var messages = new PluralMessages();
        messages.setBasename("messages/backoffice");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setDefaultLocale(Locale.ENGLISH);
        return messages;
    }

    static Locale fromBrowser(HttpServletRequest request) {
        var accepted = request.getLocales();
        while (accepted.hasMoreElements()) {
            String language = accepted.nextElement().getLanguage();
            if (Locales.isSupported(language)) {
                return Locale.forLanguageTag(language);
            }
        }
        return Locale.forLanguageTag(Locales.FALLBACK);
    }
}
