package io.mizan.json;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RecordComponentsVisibleTest {

    public record Line(int qty, int price) {
        public int getTotal() {
            return qty * price;
        }

        public boolean isFree() {
            return price == 0;
        }
    }

    public static class Bean {
        public String open;
        private String closed;

        public String getName() {
            return closed;
        }

        private String hidden() {
            return open;
        }
    }

    private final RecordComponentsVisible visibility = new RecordComponentsVisible();

    @Test
    void aRecordShowsItsComponentsAccessorsAlone() throws Exception {
        assertTrue(visibility.isVisible(Line.class.getMethod("qty")));
        assertTrue(visibility.isVisible(Line.class.getMethod("price")));
        assertFalse(visibility.isVisible(Line.class.getMethod("getTotal")));
        assertFalse(visibility.isVisible(Line.class.getMethod("isFree")));
        assertFalse(visibility.isVisible(Line.class.getDeclaredField("qty")), "a record's fields are private");
    }

    @Test
    void anyOtherClassShowsWhatIsPublicAsJsonBDoes() throws Exception {
        assertTrue(visibility.isVisible(Bean.class.getField("open")));
        assertFalse(visibility.isVisible(Bean.class.getDeclaredField("closed")));
        assertTrue(visibility.isVisible(Bean.class.getMethod("getName")));
        assertFalse(visibility.isVisible(Bean.class.getDeclaredMethod("hidden")));
    }
}
