-- POSTs a body of UPLOAD_BYTES bytes on every request (built once, kept in memory by wrk),
-- then reports like report.lua.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/octet-stream"
wrk.body = string.rep("x", tonumber(os.getenv("UPLOAD_BYTES")))
dofile(os.getenv("WRK_REPORT"))
