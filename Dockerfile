# The media-framing service with the shipped model, run by the same command as the README:
#   docker build -t media-framing . && docker run -p 8000:8000 media-framing
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

RUN useradd --create-home --uid 10001 framing
WORKDIR /app

# Dependencies first, so code changes do not reinstall them.
COPY pyproject.toml README.md ./
COPY framing/__init__.py framing/__init__.py
COPY service/__init__.py service/__init__.py
COPY training/__init__.py training/__init__.py
RUN pip install -e . && rm -rf /root/.cache

COPY framing framing
COPY service service
COPY training training
COPY models models
COPY docs docs
RUN chown -R framing:framing /app

USER framing
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/readyz', timeout=4)"
CMD ["framing", "serve", "--host", "0.0.0.0", "--port", "8000", "--workers", "2"]
