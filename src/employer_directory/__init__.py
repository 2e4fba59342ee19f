"""Domain code for the cooperating-employer directory (協力事業所ディレクトリ).

Pipeline: ``loading`` (read and validate content files) → ``directory`` (the model and its
views) → one module per output. Nothing here imports MkDocs; ``hooks/`` adapts it.
"""
