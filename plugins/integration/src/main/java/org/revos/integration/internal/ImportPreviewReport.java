package org.revos.integration.internal;

import java.util.List;
import java.util.Map;

/**
 * What an import would do, as a dry run ({@code POST /api/v1/imports?dryRun=true}) reports it with nothing written.
 *
 * @param object    the objects the rows are ({@code deals}, ...)
 * @param format    the import format
 * @param dryRun    always true: nothing was written
 * @param rows      rows in the file (blank lines are none)
 * @param badRows   rows that would be refused for what the dry run checks: unreadable rows and rows with a value that
 *                  maps onto nothing (the object's own rules are checked by the import itself)
 * @param columns   the file's columns: those read, each with the field it feeds, and those ignored
 * @param unmapped  every distinct source value that maps onto nothing, with how many rows carry it and why
 * @param mapped    every distinct source value that maps, with what it becomes, how, and how many rows carry it
 * @param problems  the first {@value ImportPreview#PROBLEMS} row problems, by line
 * @param truncated rows whose value was only counted, per kind, past the distinct values a report keeps
 */
public record ImportPreviewReport(String object, String format, boolean dryRun, long rows, long badRows,
        Columns columns, List<Unmapped> unmapped, List<Mapped> mapped, List<RowProblem> problems,
        Map<String, Long> truncated) {

    /**
     * @param used    source column → the field (or source hint) it feeds, in file order
     * @param ignored source columns nothing reads
     */
    public record Columns(Map<String, String> used, List<String> ignored) {
    }

    /**
     * @param kind   stages, lifecycleStages, dealTypes, lossReasons or owners
     * @param value  the source value
     * @param count  rows that carry it
     * @param reason why it maps onto nothing
     */
    public record Unmapped(String kind, String value, long count, String reason) {
    }

    /**
     * @param kind    stages, lifecycleStages, dealTypes, lossReasons or owners
     * @param value   the source value ({@code ""}: a lost deal's empty loss reason)
     * @param becomes the tenant's value: a stage id, deal type, loss-reason code or user id; null for none
     * @param by      how: a mapping, the tenant's own value, the CRM's standard value, the row's columns
     * @param count   rows that carry it
     */
    public record Mapped(String kind, String value, String becomes, String by, long count) {
    }

    /** A row problem: its physical line (the header is line 1) and what is wrong. */
    public record RowProblem(long line, String message) {
    }
}
