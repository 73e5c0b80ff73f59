# syntax=docker/dockerfile:1
# Lotse: multi-stage build. cgo is needed for SQLite (mattn/go-sqlite3);
# end-to-end encryption uses the pure-Go Olm (build tag goolm), so no libolm.
FROM golang:1.26-bookworm AS build
WORKDIR /src
# Build with the patched toolchain (1.26.8 has reachable stdlib vulnerabilities).
ENV GOTOOLCHAIN=go1.27.3
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=1 go build -tags goolm -trimpath -ldflags "-s -w" -o /out/lotse ./cmd/lotse

FROM debian:bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates tzdata \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /data --shell /usr/sbin/nologin lotse \
 && mkdir -p /data /guides && chown lotse /data
COPY --from=build /out/lotse /usr/local/bin/lotse
COPY library/ /guides/
# The notices of the embedded English word list (SCOWL, Ispell) and of the English → German
# lexicon learned from Debian's UI catalogs travel with the binary.
COPY guides/search/englishwords-COPYRIGHT.txt guides/search/enlex-NOTICE.txt guides/search/endict-NOTICE.txt /usr/share/doc/lotse/
ENV LOTSE_DATABASE=/data/lotse.db \
    LOTSE_GUIDES_DIR=/guides \
    LOTSE_LOG_FORMAT=json \
    LOTSE_OPS_LISTEN=0.0.0.0:9180 \
    GOMEMLIMIT=120MiB
USER lotse
WORKDIR /data
VOLUME ["/data", "/guides"]
# /healthz, /readyz and /metrics on 9180 (do not publish it to the internet).
# The health check uses the binary itself: the image has no curl. It checks
# liveness (/healthz), so a PostgreSQL standby counts as healthy; use /readyz
# for "is this the active, working instance".
EXPOSE 9180
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["/usr/local/bin/lotse", "health", "--url", "http://127.0.0.1:9180/healthz"]
ENTRYPOINT ["/usr/local/bin/lotse"]
CMD ["run"]
