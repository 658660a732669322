import dev.strato.model.LoadOptions;
import dev.strato.model.LoadResult;
import dev.strato.model.ModelLoader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Warm (JIT-compiled) cost of ModelLoader.load per model, to see how validation scales without
 * start-up effects: each model is loaded ROUNDS times in turn; the best time of each is printed
 * with the time per function. Usage (run.sh --suite scaling does this):
 *   java -cp strato.jar:DIR WarmScaling ROUNDS N1=path/strato.yml N2=... 
 */
public class WarmScaling {
    public static void main(String[] args) {
        int rounds = Integer.parseInt(args[0]);
        int models = args.length - 1;
        long[] best = new long[models];
        java.util.Arrays.fill(best, Long.MAX_VALUE);
        LoadOptions options = new LoadOptions(null, Map.of(), Map.of(), List.of(), LocalDate.parse("2026-11-27"));
        for (int r = 0; r < rounds; r++) {
            for (int m = 0; m < models; m++) {
                Path file = Path.of(args[m + 1].substring(args[m + 1].indexOf('=') + 1));
                long t0 = System.nanoTime();
                LoadResult result = ModelLoader.load(file, file.toString(), options);
                long t = System.nanoTime() - t0;
                if (!result.isValid()) throw new IllegalStateException(file + " is not valid");
                best[m] = Math.min(best[m], t);
            }
        }
        System.out.println("| functions | best warm load+validate ms | us per function |");
        System.out.println("| ---: | ---: | ---: |");
        for (int m = 0; m < models; m++) {
            int n = Integer.parseInt(args[m + 1].substring(0, args[m + 1].indexOf('=')));
            System.out.printf("| %d | %.1f | %.1f |%n", n, best[m] / 1e6, best[m] / 1e3 / n);
        }
    }
}
