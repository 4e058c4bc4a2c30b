package io.pinxit.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class EventStreamTest {

    @Test
    void eachEventsDataIsHandedOnWithMultiLineDataJoinedAndOtherFieldsIgnored() {
        List<String> events = new ArrayList<>();

        EventStream.read(Stream.of(": a comment", "event: job", "data: {\"a\":1}", "", "data:{\"b\":", "data: 2}",
                "id: 7", "", "", "data: last"), data -> events.add(data));

        assertThat(events).containsExactly("{\"a\":1}", "{\"b\":\n2}", "last");
    }

    @Test
    void readingStopsWhenTheHandlerHasHadEnough() {
        List<String> events = new ArrayList<>();

        EventStream.read(Stream.of("data: 1", "", "data: 2", "", "data: 3", ""), data -> {
            events.add(data);
            return !data.equals("2");
        });

        assertThat(events).containsExactly("1", "2");
    }
}
