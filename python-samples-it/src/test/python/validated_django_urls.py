"""The sample's URLs, plus views that give the validator an upload, JSON, a stream and static files."""

import hashlib
import json
import time

from django.conf import settings
from django.http import JsonResponse, StreamingHttpResponse
from django.urls import include, path, re_path
from django.views.decorators.csrf import csrf_exempt
from django.views.static import serve


@csrf_exempt
def upload(request):
    uploaded = request.FILES['file']
    digest = hashlib.sha256()
    for chunk in uploaded.chunks():
        digest.update(chunk)
    return JsonResponse({'name': uploaded.name, 'size': uploaded.size, 'sha256': digest.hexdigest()})


@csrf_exempt
def echo(request):
    return JsonResponse({'received': json.loads(request.body)})


def stream(request):
    def lines():
        for number in range(1, 4):
            if number > 1:
                time.sleep(0.2)
            yield f'line {number}\n'
    return StreamingHttpResponse(lines(), content_type='text/plain')


urlpatterns = [
    path('upload/', upload),
    path('echo/', echo),
    path('stream/', stream),
    # Static files through Django (a FileResponse, so through wsgi.file_wrapper), not the container.
    re_path(r'^django-static/(?P<path>.*)$', serve, {'document_root': settings.BASE_DIR / 'pages' / 'static'}),
    path('', include('pages.urls')),
]
