FROM python:3.12-slim
WORKDIR /opt/vos
COPY . .
RUN pip install --no-cache-dir . && useradd --system vos && mkdir -p /var/lib/vos && chown vos /var/lib/vos
ENV VOS_DATA_DIR=/var/lib/vos
USER vos
EXPOSE 8000
CMD ["gunicorn", "vos.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "4"]
