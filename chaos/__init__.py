"""
`make chaos`: the faults of docs/reliability.md for real, on this machine.

run.py is the sequence (services, seed, servers, load, the fault timeline,
report); services.py the throwaway PostgreSQL and Redis and the flush_reads
loop; site.py what is done with the site itself (seed, publish, count reads);
readers.py the readers, in a process of their own; report.py counts the
requests per phase and writes the table and results.json.
"""
