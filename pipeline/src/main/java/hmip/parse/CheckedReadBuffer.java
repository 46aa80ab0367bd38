package hmip.parse;

import java.io.IOException;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * The PDF bytes as PDFBox reads them, checking the file's {@link Deadline} every few hundred reads.
 * Every parser path (xref repair, object parsing, stream views) reads through here, so a parse
 * looping over the bytes stops when its time is up.
 */
final class CheckedReadBuffer extends RandomAccessReadBuffer {
    private int calls;

    CheckedReadBuffer(byte[] bytes) {
        super(bytes);
    }

    private void tick() {
        if ((++calls & 0xFF) == 0) Deadline.check();
    }

    @Override
    public int read() throws IOException {
        tick();
        return super.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        tick();
        return super.read(b, off, len);
    }

    @Override
    public void seek(long position) throws IOException {
        tick();
        super.seek(position);
    }
}
