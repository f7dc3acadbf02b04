/// The live-reload protocol between served pages and the preview server.
///
/// Each page carries the build generation it was rendered from and
/// long-polls `/__dbag/generation?since=N`: the server answers as soon as the
/// generation differs from `N` (or after ``waitSeconds`` with the same one), and
/// the page reloads when the answer differs. The script exists only in served
/// pages, through `SiteBuilder.bodySuffix`; `dbag build` output has none.
public enum LiveReload {
    /// The long-poll endpoint; answered whatever the base path.
    public static let endpoint = "/__dbag/generation"

    /// How long a long-poll is held open before answering with the same generation
    /// (below FlyingFox's 15 s request timeout).
    public static let waitSeconds = 10.0

    /// The `<script>` added before `</body>` of every served page.
    public static func script(generation: Int) -> String {
        """
        <script>/* dbag serve: live reload */(function () {
          var generation = "\(generation)";
          function poll() {
            fetch("\(endpoint)?since=" + generation, { cache: "no-store" })
              .then(function (r) { return r.text(); })
              .then(function (text) {
                if (text.trim() !== generation) { location.reload(); } else { poll(); }
              })
              .catch(function () { setTimeout(poll, 1000); });
          }
          poll();
        })();</script>

        """
    }
}
