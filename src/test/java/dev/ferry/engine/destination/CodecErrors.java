package dev.ferry.engine.destination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** The codec tests' one assertion on a refused value: a DATA error naming table, column and key, and the problem. */
final class CodecErrors {
    private CodecErrors() {
    }

    static void assertRefused(ThrowingCallable copy, String problem) {
        FerryException e = catchThrowableOfType(FerryException.class, copy);
        assertThat(e).as("the value is refused").isNotNull();
        assertThat(e.code()).isEqualTo(ErrorCode.DATA);
        assertThat(e.getMessage()).contains(CopyFrame.TABLE + ".Amount").contains(CopyFrame.KEY + "=7").contains(problem);
    }
}
