package tuangou.bot.admin;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.function.Supplier;
import tuangou.bot.export.ExportFormat;
import tuangou.bot.export.Workbook;

/** A file an admin call answers with, sent as an attachment by {@link JsonHandlers}. */
record Download(ExportFormat format, String fileName, byte[] bytes) {

  /** Builds and encodes the workbook on a worker thread: a city's lists and statements take a while. */
  static Future<Object> of(Vertx vertx, ExportFormat format, String base, Supplier<Workbook> workbook) {
    return vertx.executeBlocking(() -> new Download(format, format.fileName(base), format.toBytes(workbook.get())),
        false);
  }
}
