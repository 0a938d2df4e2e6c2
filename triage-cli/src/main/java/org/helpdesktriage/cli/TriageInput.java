package org.helpdesktriage.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.helpdesktriage.core.config.TriageConfig;
import org.helpdesktriage.core.error.ErrorCode;
import org.helpdesktriage.core.error.TriageException;
import org.helpdesktriage.core.ingest.HistoryLayout;
import org.helpdesktriage.core.ingest.InputFormat;
import org.helpdesktriage.core.ingest.RecordReader;
import org.helpdesktriage.core.ingest.RecordReaders;

/**
 * The triage command's INPUT: a file or standard input ({@code -}), its bytes counted for the
 * progress bar, read in the format given or told by the extension and first bytes, and laid out
 * as tickets when it is a history file (--text-field, --label-field).
 */
record TriageInput(String input, InputFormat format, String textField, String labelField) {

    // the input's bytes are counted for the progress bar's percent and time left
    Progress.ByteCounter counted(InputStream stdin) {
        if (input.equals("-")) {
            return new Progress.ByteCounter(stdin);
        }
        try {
            return new Progress.ByteCounter(Files.newInputStream(Path.of(input)));
        } catch (NoSuchFileException e) {
            throw new TriageException(ErrorCode.INPUT_UNREADABLE,
                    input + ": the file does not exist", e);
        } catch (IOException e) {
            throw new TriageException(ErrorCode.INPUT_UNREADABLE,
                    input + ": cannot read the input: " + e.getMessage(), e);
        }
    }

    RecordReader open(Progress.ByteCounter counter, TriageConfig config) {
        RecordReader reader;
        if (input.equals("-")) {
            reader = RecordReaders.open(counter, format, "<stdin>", config.limits());
        } else {
            Path file = Path.of(input);
            reader = RecordReaders.open(counter, format,
                    file.getFileName() == null ? null : file.getFileName().toString(), input,
                    config.limits());
        }
        if (textField == null && labelField == null) {
            return reader;
        }
        return new HistoryLayout(textField, labelField).apply(reader);
    }
}
