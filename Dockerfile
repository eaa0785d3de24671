# syntax=docker/dockerfile:1
# Factbot. `docker run -it IMAGE` opens the console, `docker run -i IMAGE < queries.txt` answers
# a file of commands, and `docker run -e FACTBOT_DISCORD__TOKEN=... IMAGE` runs the Discord bot.
# The index is built into /app/data at image build time; mount a named volume there to keep it
# and the state database across containers (a bind-mounted host folder must be writable by
# uid 10001).

# --- build: install the package and its dependencies into a virtualenv --------------------------
FROM python:3.11-slim AS build
ENV PIP_NO_CACHE_DIR=1 \
    PIP_ROOT_USER_ACTION=ignore \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONDONTWRITEBYTECODE=1
WORKDIR /src
# .dockerignore lets only the package, its metadata and the seeds through.
COPY . .
RUN python -m venv /opt/venv \
 && /opt/venv/bin/pip install . \
 && /opt/venv/bin/python -c "import bot.cli"

# --- runtime: the virtualenv, the seeds and a prebuilt index, run as a non-root user -------------
FROM python:3.11-slim
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    FACTBOT_SEEDS_DIR=/app/seeds \
    FACTBOT_INDEX_PATH=/app/data/index.sqlite3 \
    FACTBOT_STATE_PATH=/app/data/state.sqlite3
RUN groupadd --system --gid 10001 factbot \
 && useradd --system --uid 10001 --gid factbot --home-dir /app --no-create-home \
        --shell /usr/sbin/nologin factbot \
 && mkdir -p /app/data \
 && chown factbot:factbot /app/data
WORKDIR /app
COPY --from=build /opt/venv /opt/venv
COPY --chown=root:root seeds/ /app/seeds/
USER factbot
# Build the index now, as the runtime user, so the first start is instant. This must come
# before VOLUME: changes to a volume's path after it is declared are thrown away.
RUN python -m bot index
VOLUME ["/app/data"]
CMD ["python", "-m", "bot", "run"]
