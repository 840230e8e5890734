package org.revos.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void medianOfAnOddCountIsTheMiddleSample() {
        assertEquals(new Stats.Summary(5, 3.0, 1.0, 9.0), Stats.summarize(List.of(9.0, 1.0, 3.0, 4.0, 2.0)));
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheTwoMiddleSamples() {
        assertEquals(2.5, Stats.summarize(List.of(4.0, 1.0, 3.0, 2.0)).median());
        assertEquals(7.0, Stats.summarize(List.of(7.0)).median());
    }

    @Test
    void percentileIsNearestRank() {
        long[] sorted = new long[100];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = i + 1;
        }
        assertEquals(50, Stats.percentile(sorted, 50));
        assertEquals(99, Stats.percentile(sorted, 99));
        assertEquals(100, Stats.percentile(sorted, 100));
        assertEquals(1, Stats.percentile(sorted, 0.1));
        // With few samples p99 is the largest, never an interpolated value.
        assertEquals(30, Stats.percentile(new long[] { 10, 20, 30 }, 99));
        assertEquals(20, Stats.percentile(new long[] { 10, 20, 30 }, 50));
    }

    @Test
    void refusesNoSamplesAndPercentilesOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> Stats.summarize(List.of()));
        assertThrows(IllegalArgumentException.class, () -> Stats.percentile(new long[0], 50));
        assertThrows(IllegalArgumentException.class, () -> Stats.percentile(new long[] { 1 }, 0));
        assertThrows(IllegalArgumentException.class, () -> Stats.percentile(new long[] { 1 }, 101));
    }

    @Test
    void unionOfRecordersIsSorted() {
        assertArrayEquals(new long[] { 1, 2, 3, 5, 8 },
                Stats.sortedUnion(List.of(new long[] { 5, 1 }, new long[0], new long[] { 8, 3, 2 })));
    }
}
