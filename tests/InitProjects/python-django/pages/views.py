from django.http import HttpResponse, JsonResponse


def home(request):
    return HttpResponse("mysite: welcome\n", content_type="text/plain")


def healthz(request):
    return JsonResponse({"status": "ok"})
