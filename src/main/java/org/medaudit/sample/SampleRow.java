package org.medaudit.sample;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * The stored chart sample: its header, the patient context, and the raw counts measures are derived from. The
 * {@code *Recorded} flags keep "not recorded" apart from "recorded as none" for each list. {@code formId} and
 * {@code formVersion} name the form it was entered with (null for JSON and CSV). {@code period} is the audit date's
 * month ({@code YYYY-MM}) and {@code week} its ISO week ({@code YYYY-Www}), the two periods rates are counted by.
 */
@MappedEntity("chart_sample")
record SampleRow(
        @Id String id,
        long wardId,
        LocalDate auditDate,
        String period,
        String week,
        @Nullable String sampleType,
        boolean patientRecorded,
        @Nullable Integer ageYears,
        @Nullable String sex,
        @Nullable Double weightKg,
        @Nullable Double egfr,
        @Nullable Double crcl,
        boolean conditionsRecorded,
        @Nullable String allergyStatus,
        boolean allergiesRecorded,
        boolean admissionRecorded,
        @Nullable LocalDateTime admittedAt,
        @Nullable LocalDateTime reconciliationStartedAt,
        @Nullable LocalDateTime reconciliationCompletedAt,
        boolean preAdmissionRecorded,
        boolean omittedDosesRecorded,
        boolean monitoringRecorded,
        int ordersAudited,
        boolean reconciliationJudged,
        boolean reconciledInTime,
        String ruleBookVersion,
        @Nullable String idempotencyKey,
        @Nullable String requestHash,
        @Nullable String formId,
        @Nullable Integer formVersion,
        Instant createdAt) {
}
