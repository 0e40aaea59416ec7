package org.medaudit.form;

import java.util.List;
import java.util.stream.Stream;
import org.medaudit.sample.SampleForm;

/**
 * An audit form as a document in {@code audit-forms/forms/}: the questions a pharmacist answers about one chart,
 * in sections, each mapped onto the chart-sample contract, with the rationale and review dates the document
 * carries. Every chart entered with it records its id and version.
 */
public record FormDefinition(String id, String title, int version, String whyItMatters, String owner,
        String dateReviewed, String nextReview, List<FormSection> sections) {

    public SampleForm ref() {
        return new SampleForm(id, version);
    }

    /** Every field of the form, hidden or not, single and repeated. */
    public Stream<FormField> allFields() {
        return sections.stream().flatMap(section -> Stream.concat(section.fields().stream(),
                section.rows() == null ? Stream.empty() : section.rows().fields().stream()));
    }

    public List<RowGroup> rowGroups() {
        return sections.stream().map(FormSection::rows).filter(rows -> rows != null).toList();
    }

    /** A pointer as an HTML id: {@code /orders/2/route} → {@code orders-2-route}. */
    static String key(String pointer) {
        return pointer.substring(1).replace('/', '-');
    }
}
