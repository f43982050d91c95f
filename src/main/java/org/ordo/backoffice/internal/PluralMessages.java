package org.ordo.backoffice.internal;

import java.util.Locale;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The back office's texts, where a text with a count says it in the language's plural forms: a text with
 * {@code {0, plural, one {# unit} other {# units}}} is formatted by ICU's MessageFormat, which knows each language's
 * plural rules (English, German and Spanish have one and other; Korean has no plural, so its texts simply leave the
 * choice out). Every other text is formatted as Spring always does.
 */
class PluralMessages extends ResourceBundleMessageSource {

    @Override
    protected String getMessageInternal(String code, Object[] args, Locale locale) {
        if (code != null && args != null && args.length > 0) {
            Locale language = locale == null ? Locale.ENGLISH : locale;
            String pattern = resolveCodeWithoutArguments(code, language);
            if (pattern != null && pattern.contains(", plural,")) {
                return new MessageFormat(pattern, ULocale.forLocale(language))
                        .format(resolveArguments(args, language));
            }
        }
        return super.getMessageInternal(code, args, locale);
    }
}
