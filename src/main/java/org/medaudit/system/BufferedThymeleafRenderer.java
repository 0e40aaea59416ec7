package org.medaudit.system;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.io.Writable;
import io.micronaut.core.io.scan.ClassPathResourceLoader;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.views.exceptions.ViewRenderingException;
import io.micronaut.views.thymeleaf.ThymeleafViewsRenderer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.StringWriter;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver;

/**
 * Renders each page completely before any byte is sent. The stock renderer streams while it renders, so an error
 * half-way through a template left the browser waiting on an answer that never ended; rendered first, the error
 * becomes an ordinary 500 problem. MedAudit's pages are small, so buffering costs nothing that matters.
 */
@Singleton
@Replaces(ThymeleafViewsRenderer.class)
class BufferedThymeleafRenderer<T> extends ThymeleafViewsRenderer<T> {

    BufferedThymeleafRenderer(AbstractConfigurableTemplateResolver templateResolver, TemplateEngine engine,
            ClassPathResourceLoader resourceLoader, HttpLocaleResolver localeResolver) {
        super(templateResolver, engine, resourceLoader, localeResolver);
    }

    @Override
    public Writable render(String viewName, T data, HttpRequest<?> request) {
        StringWriter page = new StringWriter();
        try {
            super.render(viewName, data, request).writeTo(page);
        } catch (IOException | RuntimeException e) {
            throw new ViewRenderingException("Error rendering view " + viewName + ": " + e.getMessage(), e);
        }
        String html = page.toString();
        return out -> out.write(html);
    }
}
